import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { password } from './password.ts';

function found(text: string) {
  return scanWith([password], text).map((f) => ({
    value: text.slice(f.start, f.end),
    score: f.score,
  }));
}

function values(text: string): string[] {
  return found(text).map((f) => f.value);
}

describe('password: forms', () => {
  it.each([
    ['password: Xk8#mQ2v', 'Xk8#mQ2v'],
    ['PASSWORD=Xk8#mQ2v', 'Xk8#mQ2v'],
    ["password = 'Xk8#mQ2v'", 'Xk8#mQ2v'],
    ['"password":"Xk8 mQ2v!"', 'Xk8 mQ2v!'],
    ["$config['db_password'] = 'Xk8#mQ2v';", 'Xk8#mQ2v'],
    ['spring.datasource.password=Xk8#mQ2v', 'Xk8#mQ2v'],
    ['  db_pass: Xk8#mQ2v', 'Xk8#mQ2v'],
    ['ConnectionPassword := "Xk8#mQ2v"', 'Xk8#mQ2v'],
    ['psql --password=Xk8#mQ2v', 'Xk8#mQ2v'],
    ['The password is "sunflower".', 'sunflower'],
    ['Das Passwort lautet Xk8#mQ2v.', 'Xk8#mQ2v'],
    ['La contraseña es Xk8#mQ2v', 'Xk8#mQ2v'],
    ['Kennwort: Xk8#mQ2v', 'Xk8#mQ2v'],
    ['wachtwoord is Xk8#mQ2v', 'Xk8#mQ2v'],
    ['密码：Xk8#mQ2v', 'Xk8#mQ2v'],
    ['Passcode: 83920175', '83920175'],
    ['password: "Summer(2024)"', 'Summer(2024)'],
    ['PIN: 0492', '0492'],
    // Keywords in other scripts and cases, and with the operators merged into one pattern.
    ['ПАРОЛЬ: Xk8#mQ2v', 'Xk8#mQ2v'],
    ['パスワード: Xk8#mQ2v', 'Xk8#mQ2v'],
    ['LÖSENORD = Xk8#mQ2v', 'Xk8#mQ2v'],
    ['Mot De Passe : Xk8#mQ2v', 'Xk8#mQ2v'],
    ['Password (prod): Xk8#mQ2v', 'Xk8#mQ2v'],
    ['<add key="SmtpPassword" value="Xk8#mQ2v"/>', 'Xk8#mQ2v'],
  ])('%j -> %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('stops an unquoted value at the next query parameter and at sentence punctuation', () => {
    expect(values('?user=a&password=Xk8#mQ2v&next=/home')).toEqual(['Xk8#mQ2v']);
    expect(values('my password is Xk8#mQ2v.')).toEqual(['Xk8#mQ2v']);
    expect(values('(password: Xk8#mQ2v)')).toEqual(['Xk8#mQ2v']);
  });

  it('finds every password in a config block', () => {
    const text = 'db:\n  password: Xk8#mQ2v\nsmtp:\n  password: "Pq7!wE3r"\nadmin_pwd=Lm4$nB6v';
    expect(values(text)).toEqual(['Xk8#mQ2v', 'Pq7!wE3r', 'Lm4$nB6v']);
  });
});

describe('password: what is not a password', () => {
  it.each([
    'Please reset your password.',
    'Password must be at least 12 characters.',
    'password: (see attached)',
    'password: N/A',
    'password: null',
    'password: true',
    'password=',
    'password: "********"',
    'password: [REDACTED]',
    "password: '%s'",
    'password: :password',
    'password: $DB_PASSWORD',
    'password: ENC[AES256_GCM,data:abc,iv:def]',
    'password = self.password',
    'password = request.POST["password"]',
    'password: hashlib.sha256(raw).hexdigest()',
    'if password == confirm_password:',
    'passwordless login via magic link',
    'The password manager is 1Password.',
    'pass the token to the next step',
    'I passed the exam, compass heading 270',
    'pw: 1234',
    'Pin code: 400001, Mumbai',
    'PIN: 1234',
    'password reset required',
    'user_password_hash = bcrypt(password)',
  ])('%j', (text) => {
    expect(values(text)).toEqual([]);
  });
});

describe('password: scores', () => {
  it('rates a keyword with a mixed value above a plain word', () => {
    const [mixed] = found('password: Xk8#mQ2v');
    const [word] = found('password: sunflower');
    expect(mixed!.score).toBeGreaterThan(word!.score);
    expect(word!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('lowers values in examples below the threshold', () => {
    expect(values('For example, password: Xk8#mQ2v')).toEqual([]);
  });
});
