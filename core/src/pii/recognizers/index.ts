import type { Recognizer } from "../recognizer";
import { creditCard } from "./credit-card";
import { dateOfBirth } from "./date-of-birth";
import { email } from "./email";
import { ipAddress } from "./ip-address";
import { krBankAccount } from "./kr-bank-account";
import { krBrn } from "./kr-brn";
import { krDriver } from "./kr-driver";
import { krFrn } from "./kr-frn";
import { krPassport } from "./kr-passport";
import { krPhone } from "./kr-phone";
import { krRrn } from "./kr-rrn";
import { personName } from "./person-name";
import { twArc } from "./tw-arc";
import { twId } from "./tw-id";
import { twPhone } from "./tw-phone";
import { twUbn } from "./tw-ubn";

/** All recognizers, core tier first. */
export const RECOGNIZERS: readonly Recognizer[] = [
  krRrn,
  krFrn,
  krBrn,
  krPassport,
  krDriver,
  krPhone,
  krBankAccount,
  twId,
  twArc,
  twUbn,
  twPhone,
  email,
  creditCard,
  ipAddress,
  personName,
  dateOfBirth,
];
