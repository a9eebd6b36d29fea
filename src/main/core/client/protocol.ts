/**
 * What the client knows of the platform, and how it knows it. The simulator has codes of
 * its own invention; none of them belong here, because the real platform publishes no list.
 */

/** Documented: shared/reference/eiotclub-api.md, "The call". */
export const BALANCE_PATH = '/api/v3/agent/balance';

/** Documented: `code` is a string, "200" meaning success (a numeric 200 is treated alike). */
export const SUCCESS_CODE = '200';

/**
 * Inferred, not documented: the platform's failure codes are unpublished, so the wording of
 * its message is the only hint that the appkey or secret is wrong (retrying cannot help).
 */
export const CREDENTIALS_REJECTED_WORDS = /sign|签名|appkey|app key|secret|密钥/i;

/**
 * Inferred, not documented: the platform's refusal of a stale timestamp ("时间戳已过期"),
 * recognised by its wording like the credentials above.
 */
export const TIMESTAMP_REJECTED_WORDS = /时间戳|timestamp|time stamp/i;
