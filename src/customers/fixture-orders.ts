/**
 * The order history the profile and order tests share (reference date
 * 2011-09-30 17:00). Customer 100 (UK) is a repeat buyer with a full and a
 * partial cancellation; 200 (France) buys abroad; 300 bought once; 400 only
 * ever cancelled; one guest order.
 */
import type { FixtureOrder } from './fixture-store.ts';

export const FIXTURE_REFERENCE = new Date('2011-09-30T17:00:00Z');

export const FIXTURE_ORDERS: FixtureOrder[] = [
  {
    invoice: '500001',
    customerId: 100,
    date: '2011-01-10 10:00:00',
    lines: [
      { stockCode: '85123A', quantity: 6, unitPrice: 2.55 },
      { stockCode: '22423', quantity: 1, unitPrice: 12.75 },
      { stockCode: 'POST', quantity: 1, unitPrice: 5, isProduct: false },
    ],
  },
  {
    invoice: '500002',
    customerId: 100,
    date: '2011-01-10 15:00:00',
    lines: [{ stockCode: '84879', quantity: 12, unitPrice: 1.69 }],
  },
  {
    invoice: '500010',
    customerId: 100,
    date: '2011-05-02 09:00:00',
    lines: [{ stockCode: '85123A', quantity: 12, unitPrice: 2.55 }],
  },
  {
    invoice: 'C500011',
    customerId: 100,
    date: '2011-05-03 09:00:00',
    cancels: '500010',
    lines: [{ stockCode: '85123A', quantity: -12, unitPrice: 2.55 }],
  },
  {
    invoice: '500015',
    customerId: 100,
    date: '2011-09-28 09:00:00',
    lines: [{ stockCode: '22423', quantity: 2, unitPrice: 12.75 }],
  },
  {
    invoice: 'C500016',
    customerId: 100,
    date: '2011-09-29 09:00:00',
    cancels: '500015',
    lines: [{ stockCode: '22423', quantity: -1, unitPrice: 12.75 }],
  },
  {
    invoice: '500020',
    customerId: 100,
    date: '2011-09-30 08:00:00',
    lines: [{ stockCode: '22423', quantity: 2, unitPrice: 12.75 }],
  },
  {
    // After the reference date: not yet happened in the shop's clock.
    invoice: '500030',
    customerId: 100,
    date: '2011-10-05 09:00:00',
    lines: [{ stockCode: '84879', quantity: 1, unitPrice: 1.69 }],
  },
  {
    invoice: '600000',
    customerId: 200,
    date: '2011-08-01 10:00:00',
    country: 'France',
    lines: [{ stockCode: '84879', quantity: 24, unitPrice: 1.69 }],
  },
  {
    invoice: '600002',
    customerId: 200,
    date: '2011-09-21 10:00:00',
    country: 'France',
    lines: [{ stockCode: '84879', quantity: 24, unitPrice: 1.69 }],
  },
  {
    invoice: '600001',
    customerId: 200,
    date: '2011-09-25 10:00:00',
    country: 'France',
    lines: [{ stockCode: '84879', quantity: 24, unitPrice: 1.69 }],
  },
  {
    invoice: '650000',
    customerId: 300,
    date: '2011-03-01 10:00:00',
    lines: [{ stockCode: '22423', quantity: 1, unitPrice: 12.75 }],
  },
  {
    invoice: 'C700001',
    customerId: 400,
    date: '2011-04-01 10:00:00',
    lines: [{ stockCode: '22423', quantity: -1, unitPrice: 12.75 }],
  },
  {
    invoice: '800001',
    customerId: null,
    date: '2011-09-01 10:00:00',
    lines: [{ stockCode: '22423', quantity: 1, unitPrice: 12.75 }],
  },
];
