import { isValidCIDR, isValidIP, isValidIPv4Address, isValidIPv6Address, parseCIDRSloppy, parseIPSloppy } from './ip';

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

// Cases of TestIsValidIP in apimachinery v0.32 (validation_test.go).
describe('isValidIP', () => {
  it.each([
    ['1.2.3.4', 4],
    ['0.0.0.0', 4],
    ['255.255.255.255', 4],
    ['1234::abcd', 6],
    ['::', 6],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 6],
    ['0:0:0:0:0:0:0:0', 6],
    ['0001:002:03:4::', 6],
    ['1234::ABCD', 6],
    // Accepted by ParseIPSloppy although not canonical.
    ['1.1.1.01', 4],
    ['::ffff:1.1.1.1', 4],
  ])('accepts %s (IPv%d)', (value, family) => {
    expect(isValidIP(value)).toEqual([]);
    expect(isValidIPv4Address(value)).toEqual(family === 4 ? [] : ['must be a valid IPv4 address']);
    expect(isValidIPv6Address(value)).toEqual(family === 6 ? [] : ['must be a valid IPv6 address']);
  });

  it.each([
    '',
    'aaaaaaa',
    'myhost.mydomain',
    '1.2.3.0/24',
    '1.2.3.400',
    '-1.0.0.0',
    '2001:db8::10005',
    '1.2.3.4:80',
    '[2001:db8::1]',
    '[2001:db8::1]:80',
    'example.com:80',
    '1234::abcd%eth0',
    '169.254.0.0%eth0',
    '1.2.3',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '1:2:3:4:5:6:7::8',
  ])('rejects %j', (value) => {
    expect(isValidIP(value)).toEqual([IP_MSG]);
    expect(isValidIPv4Address(value)).toEqual(['must be a valid IPv4 address']);
    expect(isValidIPv6Address(value)).toEqual(['must be a valid IPv6 address']);
  });

  it('parses into the 16-byte form', () => {
    expect(parseIPSloppy('10.0.0.010')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 10, 0, 0, 10]);
    expect(parseIPSloppy('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPSloppy('::1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
  });
});

describe('isValidCIDR', () => {
  it.each(['10.0.0.0/8', '10.0.0.1/32', '2001:db8::/64', '::/0', '010.0.0.0/8'])('accepts %s', (value) => {
    expect(isValidCIDR(value)).toEqual([]);
  });

  it.each(['', '10.0.0.0', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/-1', '10.0.0.0/8x', 'a/8'])(
    'rejects %j',
    (value) => {
      expect(isValidCIDR(value)).toEqual(['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']);
    },
  );

  it('reports the prefix and family', () => {
    expect(parseCIDRSloppy('10.96.0.0/12')).toMatchObject({ prefixLength: 12, bits: 32 });
    expect(parseCIDRSloppy('fd00::/108')).toMatchObject({ prefixLength: 108, bits: 128 });
  });
});
