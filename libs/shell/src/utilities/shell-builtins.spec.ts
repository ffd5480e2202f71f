// echo, printf and test as bash's builtins print them (recorded from bash 5).
import { runUtility } from './run-utility.testing';

describe('bash builtins', () => {
  it.each([
    [`printf '%s|%5s|%-5s|%05d|%x|%q|%b\\n' a b c 42 255 "it's" 'x\\ty'`, "a|    b|c    |00042|ff|it\\'s|x\ty\n"],
    [`printf '%s\\n' a b c`, 'a\nb\nc\n'],
    [`printf '%d%%\\n' 50`, '50%\n'],
    [`printf '%.3s\\n' abcdef`, 'abc\n'],
    [`printf '%5.1f\\n' 3.14159`, '  3.1\n'],
    [`printf '[%*d]\\n' 5 42`, '[   42]\n'],
    [`printf '%d %s\\n' 1 a 2`, '1 a\n2 \n'],
    [`printf '%5.2f|%x|%o|%e|%c\\n' 3.14159 255 8 1234.5 hello`, ' 3.14|ff|10|1.234500e+03|h\n'],
    [`echo -e 'a\\tb\\c'`, 'a\tb'],
    [`echo -n x`, 'x'],
    [`echo -- -n`, '-- -n\n'],
    [`echo -ne 'a\\nb'`, 'a\nb'],
  ])('%s', async (line, stdout) => {
    expect(await runUtility(line)).toMatchObject({ stdout, stderr: '', code: 0 });
  });

  it('complains about invalid numbers but goes on', async () => {
    expect(await runUtility(`printf '%d\\n' abc`)).toMatchObject({
      stdout: '0\n',
      stderr: 'bash: printf: abc: invalid number\n',
      code: 1,
    });
  });

  it.each([
    ['[ 1 -eq', 2, "bash: [: missing `]'\n"],
    ['[ a = b', 2, "bash: [: missing `]'\n"],
    ['[ 1 -eq x ]', 2, 'bash: [: x: integer expression expected\n'],
    ['[ a b ]', 2, 'bash: [: a: unary operator expected\n'],
    ['test -z', 0, ''],
    ['[ 1 -lt 2 -o 1 -gt 2 ]', 0, ''],
    ['[ ! -d /root ]', 1, ''],
    ['[ -f /root/f -a -n x ]', 0, ''],
    ['[ abc != abc ]', 1, ''],
    ['test -s /root/empty', 1, ''],
  ])('%s', async (line, code, stderr) => {
    const files = { '/root/f': 'x', '/root/empty': '' };
    expect(await runUtility(line, { files })).toMatchObject({ stdout: '', stderr, code });
  });
});
