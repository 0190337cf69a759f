import { describe, expect, it } from 'vitest';
import { addressBucket, headerClientKey, socketAddress } from './client-key.js';

const env = { incoming: { socket: { remoteAddress: '10.0.0.2' } } };
const request = (headers: Record<string, string>) => new Request('http://receiver/v1/events', { headers });

describe('client keys', () => {
  it('is the socket address by default, so clients cannot choose their bucket', () => {
    expect(socketAddress(request({ 'x-forwarded-for': '203.0.113.7' }), env)).toBe('10.0.0.2');
  });

  it('reads the last address of the proxy header: the one the proxy added', () => {
    const key = headerClientKey('x-forwarded-for');
    expect(key(request({ 'x-forwarded-for': '203.0.113.7' }), env)).toBe('203.0.113.7');
    expect(key(request({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), env)).toBe('203.0.113.7');
    expect(headerClientKey('x-real-ip')(request({ 'x-real-ip': ' 2001:db8::1 ' }), env)).toBe('2001:db8::1');
  });

  it('falls back to the socket address without the header', () => {
    expect(headerClientKey('x-forwarded-for')(request({}), env)).toBe('10.0.0.2');
    expect(headerClientKey('x-forwarded-for')(request({ 'x-forwarded-for': ' ' }), env)).toBe('10.0.0.2');
  });
});

describe('addressBucket', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:0:0:9', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::198.51.100.7', '64:ff9b:0:0::/64'],
    ['a custom key', 'a custom key'],
  ])('%s is counted as %s', (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });
});
