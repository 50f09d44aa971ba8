/**
 * KR safety standard for passwords (개인정보의 안전성 확보조치 기준): at least 8 characters with
 * 3 character classes, or at least 10 with 2. Returns the reasons it fails, as i18n keys.
 */
export interface PasswordCheck {
  ok: boolean;
  problems: Array<"too_short" | "too_few_classes" | "too_long" | "contains_username">;
}

export function checkPassword(password: string, username?: string): PasswordCheck {
  const problems: PasswordCheck["problems"] = [];
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const len = [...password].length;
  if (len > 256) problems.push("too_long");
  if (len < 8) problems.push("too_short");
  else if (!((len >= 8 && classes >= 3) || (len >= 10 && classes >= 2))) problems.push("too_few_classes");
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push("contains_username");
  }
  return { ok: problems.length === 0, problems };
}
