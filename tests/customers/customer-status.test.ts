// The customer's status machine and who may change a customer.
import { userOf } from '../support/builders/users';
import { CUSTOMER_STATUS, customerEditableBy, customerRefusal, mayChangeCustomer } from '../../src/customers/customer-status';
import { searchInput, startsWithOwnCustomers } from '../../src/customers/queries';


const sales = userOf('sales', 7);
const manager = userOf('manager', 8);
const executive = userOf('executive', 9);

test('正常 allows changes, 已流失 allows nothing; 确认流失 leads from 正常 to 已流失', () => {
  expect(CUSTOMER_STATUS.statusesAllowing('edit')).toEqual(['normal']);
  expect(CUSTOMER_STATUS.actions('churned')).toEqual([]);
  expect(CUSTOMER_STATUS.next('normal', 'churn')).toBe('churned');
  expect(CUSTOMER_STATUS.next('normal', 'edit')).toBe('normal');
  expect(CUSTOMER_STATUS.label('churned')).toBe('已流失');
  expect(customerRefusal('churned')).toContain('已流失');
});

test('an account manager changes only their own customers, the manager any, the executive none', () => {
  const own = { status: 'normal', accountManagerId: 7 };
  const other = { status: 'normal', accountManagerId: 3 };
  const unmanaged = { status: 'normal', accountManagerId: null };
  expect(mayChangeCustomer(sales, own)).toBe(true);
  expect(mayChangeCustomer(sales, other)).toBe(false);
  expect(mayChangeCustomer(sales, unmanaged)).toBe(false);
  expect(mayChangeCustomer(manager, other)).toBe(true);
  expect(mayChangeCustomer(manager, unmanaged)).toBe(true);
  expect(mayChangeCustomer(executive, own)).toBe(false);
});

test('nobody may change an 已流失 customer, though the right on it stays', () => {
  const churned = { status: 'churned', accountManagerId: 7 };
  expect(mayChangeCustomer(sales, churned)).toBe(true);
  expect(customerEditableBy(sales, churned)).toBe(false);
  expect(customerEditableBy(manager, churned)).toBe(false);
  expect(customerEditableBy(sales, { status: 'normal', accountManagerId: 7 })).toBe(true);
});

test('the list starts with their own customers only for those who may change only their own', () => {
  expect(startsWithOwnCustomers(sales)).toBe(true);
  expect(startsWithOwnCustomers(manager)).toBe(false);
  expect(startsWithOwnCustomers(executive)).toBe(false);
  expect(searchInput(sales, {})).toEqual({ accountManagerId: '7' });
  expect(searchInput(sales, { accountManagerId: '' })).toEqual({ accountManagerId: '' });
  expect(searchInput(sales, { page: '2' })).toEqual({ page: '2' });
  expect(searchInput(manager, {})).toEqual({});
});
