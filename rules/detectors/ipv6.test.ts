/** The IPv6 parser and classifier behind the ipv6 detector (rules/net-util.ts). */
import { describe, expect, it } from 'vitest';
import { ipv6Kind, parseIPv4, parseIPv6 } from '../net-util.ts';

describe('parseIPv6', () => {
  it('expands compressed and embedded forms to eight groups', () => {
    expect(parseIPv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('::ffff:192.0.2.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
    expect(parseIPv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '10:30:00',
      '00:1a:2b:3c:4d:5e',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7:8::',
      ':1:2:3:4:5:6:7',
      '12345::1',
      '::ffff:256.1.1.1',
    ]) {
      expect(parseIPv6(bad), bad).toBeNull();
    }
  });

  it('classifies ranges', () => {
    expect(ipv6Kind(parseIPv6('2a02:1810::1')!)).toBe('public');
    expect(ipv6Kind(parseIPv6('fd12:3456::1')!)).toBe('private');
    expect(ipv6Kind(parseIPv6('fe80::1')!)).toBe('link-local');
    expect(ipv6Kind(parseIPv6('2001:db8::5')!)).toBe('documentation');
    expect(ipv6Kind(parseIPv6('::ffff:10.1.2.3')!)).toBe('private');
  });
});

describe('parseIPv4', () => {
  it('refuses leading zeros and octets over 255', () => {
    expect(parseIPv4('10.0.0.1')).toEqual([10, 0, 0, 1]);
    expect(parseIPv4('01.2.3.4')).toBeNull();
    expect(parseIPv4('1.2.3.256')).toBeNull();
    expect(parseIPv4('1.2.3')).toBeNull();
  });
});
