/** "prod-data (123456789012)" when the account has a configured name, else the id alone. */
export function describeAccount(accountId: string, accountName: string | undefined): string {
  return accountName ? `${accountName} (${accountId})` : accountId;
}

/** The configured name of a stored alert's account, if it has one. */
export function accountNameOf(
  record: { alert: { account?: string } },
  accountNames: Readonly<Record<string, string>> | undefined,
): string | undefined {
  return record.alert.account ? accountNames?.[record.alert.account] : undefined;
}
