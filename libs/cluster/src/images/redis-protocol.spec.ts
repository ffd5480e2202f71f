import { redisInlineExchange, respondRedis, type RedisStore } from './redis-protocol';

describe('respondRedis', () => {
  it('answers PING, ECHO and string commands in RESP', () => {
    const store: RedisStore = new Map();
    expect(respondRedis(['PING'])).toBe('+PONG\r\n');
    expect(respondRedis(['ping', 'hello'])).toBe('$5\r\nhello\r\n');
    expect(respondRedis(['SET', 'visits', '41'], store)).toBe('+OK\r\n');
    expect(respondRedis(['INCR', 'visits'], store)).toBe(':42\r\n');
    expect(respondRedis(['GET', 'visits'], store)).toBe('$2\r\n42\r\n');
    expect(respondRedis(['GET', 'missing'], store)).toBe('$-1\r\n');
    expect(respondRedis(['KEYS', '*'], store)).toBe('*1\r\n$6\r\nvisits\r\n');
    expect(respondRedis(['DEL', 'visits', 'other'], store)).toBe(':1\r\n');
  });

  it('words errors as redis 7 does', () => {
    expect(respondRedis(['FOO', 'a', 'b'])).toBe("-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n");
    expect(respondRedis(['GET'])).toBe("-ERR wrong number of arguments for 'get' command\r\n");
  });
});

describe('redisInlineExchange', () => {
  it('reads an HTTP request as inline commands and drops the connection on Host:', () => {
    const exchange = redisInlineExchange(
      'GET / HTTP/1.1\r\nHost: 10.96.12.4:6379\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n',
      { ip: '10.244.1.7', port: 40512, now: Date.UTC(2026, 10, 22, 5, 45, 51) },
    );
    expect(exchange.output).toBe("-ERR wrong number of arguments for 'get' command\r\n");
    expect(exchange.closed).toBe(true);
    expect(exchange.logs).toEqual([
      '1:M 22 Nov 2026 05:45:51.000 # Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: ' +
        'commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise ' +
        'your Redis instance. Connection from 10.244.1.7:40512 aborted.',
    ]);
  });

  it('answers commands typed through nc', () => {
    expect(redisInlineExchange('PING\r\n', { ip: '10.244.1.7', port: 1, now: 0 })).toEqual({
      output: '+PONG\r\n',
      closed: false,
      logs: [],
    });
  });
});
