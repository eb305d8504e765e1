import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_ORDERS, FIXTURE_REFERENCE } from './fixture-orders.ts';
import { buildFixtureStore } from './fixture-store.ts';
import { getOrder, lastOrder, listOrders, shippingStatus } from './orders.ts';

const db = buildFixtureStore(FIXTURE_ORDERS);
const at = { referenceDate: FIXTURE_REFERENCE };
afterAll(() => db.close());

describe('listOrders', () => {
  it('lists the customer’s orders newest first, up to the reference date', () => {
    const orders = listOrders(db, 100, { ...at, limit: 10 });
    expect(orders.map((o) => o.invoice)).toEqual([
      '500020',
      '500015',
      '500010',
      '500002',
      '500001',
    ]);
    expect(orders.every((o) => o.kind === 'order')).toBe(true);
  });

  it('derives status from age, cancellations and country', () => {
    const byInvoice = new Map(
      [...listOrders(db, 100, at), ...listOrders(db, 200, at)].map((o) => [
        o.invoice,
        o,
      ]),
    );
    expect(byInvoice.get('500020')?.status).toBe('processing');
    expect(byInvoice.get('500015')).toMatchObject({
      status: 'dispatched',
      partlyCancelled: true,
      cancelledBy: ['C500016'],
    });
    expect(byInvoice.get('500010')).toMatchObject({
      status: 'cancelled',
      partlyCancelled: false,
      cancelledBy: ['C500011'],
    });
    expect(byInvoice.get('500001')?.status).toBe('delivered');
    // Abroad, nine days out is still in transit; at home it would be delivered.
    expect(byInvoice.get('600001')?.status).toBe('in-transit');
    expect(byInvoice.get('600002')?.status).toBe('in-transit');
    expect(shippingStatus(9.3, 'United Kingdom')).toBe('delivered');
    expect(byInvoice.get('600000')?.status).toBe('delivered');
  });

  it('gives lines with titles, prices and the non-product flag', () => {
    const order = getOrder(db, 100, '500001', at);
    expect(order?.total).toBe(33.05);
    expect(order?.nLines).toBe(3);
    expect(order?.lines).toEqual([
      {
        stockCode: '85123A',
        title: 'WHITE HANGING HEART T-LIGHT HOLDER',
        quantity: 6,
        unitPrice: 2.55,
        isProduct: true,
      },
      {
        stockCode: '22423',
        title: 'REGENCY CAKESTAND 3 TIER',
        quantity: 1,
        unitPrice: 12.75,
        isProduct: true,
      },
      {
        stockCode: 'POST',
        title: 'POST',
        quantity: 1,
        unitPrice: 5,
        isProduct: false,
      },
    ]);
  });

  it('honours the limit and finds the last order', () => {
    expect(listOrders(db, 100, { ...at, limit: 2 })).toHaveLength(2);
    expect(lastOrder(db, 100, at)?.invoice).toBe('500020');
    expect(lastOrder(db, 999, at)).toBeNull();
    expect(listOrders(db, 400, at)).toEqual([]);
  });
});

describe('getOrder', () => {
  it.each(['500001', '#500001', 'inv 500001', 'Invoice no. 500001'])(
    'accepts %s',
    (raw) => {
      expect(getOrder(db, 100, raw, at)?.invoice).toBe('500001');
    },
  );

  it('returns a cancellation invoice with the order it cancels', () => {
    expect(getOrder(db, 100, 'c500011', at)).toMatchObject({
      invoice: 'C500011',
      kind: 'cancellation',
      status: 'cancelled',
      cancels: '500010',
    });
  });

  it('never returns another customer’s invoice (same answer as a missing one)', () => {
    expect(getOrder(db, 200, '500001', at)).toBeNull();
    expect(getOrder(db, 100, '600001', at)).toBeNull();
    expect(getOrder(db, 400, 'C500011', at)).toBeNull();
    // Guest orders belong to nobody who can sign in.
    expect(getOrder(db, 100, '800001', at)).toBeNull();
    expect(getOrder(db, 100, '999999', at)).toBeNull();
  });

  it('rejects malformed numbers and orders after the reference date', () => {
    expect(getOrder(db, 100, 'my last order', at)).toBeNull();
    expect(getOrder(db, 100, '500030', at)).toBeNull();
    expect(
      getOrder(db, 100, '500030', {
        referenceDate: new Date('2011-10-06T00:00:00Z'),
      })?.status,
    ).toBe('processing');
  });
});
