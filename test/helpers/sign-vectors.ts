// The vectors of shared/reference/eiotclub-api.md.
export const vectors = [
  {
    params: { appkey: 'demo-appkey-01', timestamp: 1764300000, nonce: 48213 },
    secret: 's3cr3t-Demo',
    signed: 'appkey=demo-appkey-01&nonce=48213&timestamp=1764300000&secret=s3cr3t-Demo',
    sign: 'CE90553D8537B75C1CAC0F945943B7309155DCAA',
  },
  {
    params: { appkey: 'demo-appkey-01', timestamp: 1764300000, nonce: 48213, operator: 5 },
    secret: 's3cr3t-Demo',
    signed: 'appkey=demo-appkey-01&nonce=48213&operator=5&timestamp=1764300000&secret=s3cr3t-Demo',
    sign: '2A86337CEBCE875F8E46EE691BB434DF36E95F54',
  },
  {
    params: { appkey: 'AK9', timestamp: 1764300123, nonce: 10000, Zone: '国际', empty: '', none: null },
    secret: '密钥-secret',
    signed: 'Zone=国际&appkey=AK9&nonce=10000&timestamp=1764300123&secret=密钥-secret',
    sign: '5DCD63AB510FF2F4FC328A786F885EBDC5AB8333',
  },
];
