/**
 * The simulator's rejection codes. The platform does not publish its own list, so these are
 * ours; each rejection has a distinct code and a Chinese message, as the platform answers.
 * The client does not read these codes (the real platform's are unknown); it goes by the
 * message's wording, which the messages here share with the platform's.
 */
export const REJECTIONS = {
  badJson: { code: '1000', message: '请求体不是有效的JSON' },
  missingParam: { code: '1001', message: '缺少必填参数' },
  unknownAppkey: { code: '1002', message: 'appkey不存在' },
  badSign: { code: '1003', message: '签名错误' },
  // The one answer seen from the platform itself (issue 13: a clock minutes off).
  badTimestamp: { code: '403', message: '时间戳已过期' },
  badNonce: { code: '1005', message: '随机数nonce不合法' },
  replay: { code: '1006', message: '重复的请求' },
} as const;

export type RejectionName = keyof typeof REJECTIONS;
export type Rejection = (typeof REJECTIONS)[RejectionName];

export const SUCCESS = { code: '200', message: '操作成功' } as const;

export const BALANCE_PATH = '/api/v3/agent/balance';

/** How far a request's timestamp may be from the server's clock, in seconds. */
export const TIMESTAMP_WINDOW_SEC = 300;
