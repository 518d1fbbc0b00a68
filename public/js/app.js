/* The little script of the application. It must run in IE11: no modules, no arrow
   functions, no let/const. Every page works without it; it only adds comfort. */
(function () {
  'use strict';

  // The login page never shows inside a frame (an expired session in `main`).
  if (document.documentElement && window.top !== window.self && /^\/login/.test(window.location.pathname)) {
    window.top.location.href = '/login';
  }

  function onReady(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  onReady(function () {
    // Forms marked data-confirm ask before they are sent.
    var forms = document.querySelectorAll('form[data-confirm]');
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener('submit', function (event) {
        if (!window.confirm(this.getAttribute('data-confirm'))) event.preventDefault();
      });
    }
    // The left menu: a module's label folds its links.
    var labels = document.querySelectorAll('.menu-module-label');
    for (var j = 0; j < labels.length; j++) {
      labels[j].addEventListener('click', function () {
        var item = this.parentNode;
        item.className = /\bclosed\b/.test(item.className)
          ? item.className.replace(/\s*\bclosed\b/, '')
          : item.className + ' closed';
      });
    }
  });
})();
