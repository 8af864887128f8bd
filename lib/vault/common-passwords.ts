/**
 * Data: passwords and password stems that top the public leaked-password rankings
 * (the well-known "most common passwords" lists). Lower case. A passphrase equal to
 * one of them, or one of them padded with digits or symbols, is refused.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwertyuiop', 'qwertyuiop[]', 'asdfghjkl', 'zxcvbnm',
  'qwertyui', 'qwerty123', 'qazwsx', 'qazwsxedc', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsx', 'zaq1zaq1',
  'iloveyou', 'letmein', 'welcome', 'admin', 'administrator', 'monkey', 'dragon', 'football', 'baseball',
  'basketball', 'soccer', 'hockey', 'master', 'shadow', 'sunshine', 'princess', 'superman', 'batman', 'trustno1',
  'starwars', 'whatever', 'freedom', 'michael', 'jennifer', 'jordan', 'charlie', 'thomas', 'hunter', 'ranger',
  'buster', 'soccer', 'harley', 'summer', 'winter', 'spring', 'autumn', 'ashley', 'bailey', 'nicole', 'daniel',
  'jessica', 'pepper', 'ginger', 'cookie', 'cheese', 'chocolate', 'computer', 'internet', 'secret', 'mustang',
  'access', 'flower', 'lovely', 'loveme', 'hello', 'helloworld', 'changeme', 'default', 'login', 'guest', 'root',
  'test', 'testing', 'pokemon', 'minecraft', 'samsung', 'google', 'apple', 'iphone', 'abc123', 'abcdef',
  'abcdefgh', 'abcdefghijkl', 'aaaaaa', 'asdf', 'asdfasdf', 'asdfghjkl;', 'qwerasdf', 'password1', 'password12',
  'password123', 'password1234', 'passwordpassword', 'iloveyou123', 'letmein123', 'welcome123', 'admin123',
  'administrator1', 'qwerty12345', 'qwertyuiop123', 'q1w2e3r4t5y6', 'a1b2c3d4e5f6', '123456789abc', '1234567890qwerty',
  'correcthorsebatterystaple', 'correct horse battery staple', 'mypassword', 'mypassword123', 'yourpassword',
  'thisismypassword', 'supersecret', 'supersecretpassword', 'opensesame', 'bitcoin', 'ethereum', 'crypto',
  'blockchain', 'metamask', 'venice', 'veniceai', 'wallet', 'mywallet', 'satoshi', 'nakamoto', 'tothemoon',
  'lamborghini', 'elephant', 'butterfly', 'sunflower', 'rainbow', 'unicorn', 'friends', 'family', 'forever',
  'babygirl', 'angel', 'jesus', 'christ', 'blessed', 'matrix', 'killer', 'hacker', 'qwertz', 'azerty',
];
