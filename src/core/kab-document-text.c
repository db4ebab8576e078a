/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-document-text.c: the words of receipts, invoices and statements in the client's language */

#include "config.h"

#include <string.h>

#include "kab-document-text.h"
#include "kab-money.h"

/* A receipt, an invoice and a statement are written in the client's document language,
 * whatever the interface's: like the agreement templates in data/consent/, their words
 * are kept per language here and not taken from the interface's translation. The legal
 * lines (the VAT exemptions, «Не является кассовым чеком») are worded as the tax offices
 * of each country expect them. */

enum { LANG_EN, LANG_SV, LANG_NB, LANG_RU, N_LANGS };

static const char * const texts[KAB_DOC_N_TEXTS][N_LANGS] = {
  [KAB_DOC_RECEIPT_TITLE] = { "Receipt No. {}", "Kvitto nr {}", "Kvittering nr. {}", "Подтверждение оплаты № {}" },
  [KAB_DOC_INVOICE_TITLE] = { "Invoice No. {}", "Faktura nr {}", "Faktura nr. {}", "Счёт № {}" },
  [KAB_DOC_STATEMENT_TITLE] = { "Statement of Account", "Kontoutdrag", "Kontoutskrift", "Выписка по расчётам" },
  [KAB_DOC_RECEIVED_FROM] = { "Received from:", "Mottaget från:", "Mottatt fra:", "Получено от:" },
  [KAB_DOC_INVOICE_TO] = { "Invoice to:", "Faktura till:", "Faktura til:", "Плательщик:" },
  [KAB_DOC_CLIENT] = { "Client:", "Klient:", "Klient:", "Клиент:" },
  [KAB_DOC_DATE] = { "Date:", "Datum:", "Dato:", "Дата:" },
  [KAB_DOC_AMOUNT] = { "Amount:", "Belopp:", "Beløp:", "Сумма:" },
  [KAB_DOC_PAID_BY] = { "Paid by:", "Betalningssätt:", "Betalingsmåte:", "Способ оплаты:" },
  [KAB_DOC_PAID_FOR] = { "Paid for", "Avser", "Gjelder", "Оплачено" },
  [KAB_DOC_PERIOD] = { "Period:", "Period:", "Periode:", "Период:" },
  [KAB_DOC_DUE_DATE] = { "Due date:", "Förfallodag:", "Forfallsdato:", "Оплатить до:" },
  [KAB_DOC_REFERENCE] = { "Payment reference:", "OCR-nummer:", "KID-nummer:", "Назначение платежа:" },
  [KAB_DOC_PAY_TO] = { "Pay to:", "Betala till:", "Betal til:", "Получатель:" },
  [KAB_DOC_TOTAL] = { "Total:", "Att betala:", "Å betale:", "Итого:" },
  [KAB_DOC_NET] = { "Amount excluding VAT:", "Belopp exkl. moms:", "Beløp ekskl. mva:", "Сумма без НДС:" },
  [KAB_DOC_VAT] = { "VAT {} %:", "Moms {} %:", "Mva {} %:", "НДС {} %:" },
  [KAB_DOC_OPENING_BALANCE] = { "Opening balance:", "Ingående saldo:", "Inngående saldo:", "Сальдо на начало периода:" },
  [KAB_DOC_CLOSING_BALANCE] = { "Closing balance:", "Utgående saldo:", "Utgående saldo:", "Сальдо на конец периода:" },
  [KAB_DOC_CHARGES] = { "Charges", "Debiteringar", "Krav", "Начисления" },
  [KAB_DOC_PAYMENTS] = { "Payments", "Betalningar", "Innbetalinger", "Оплачено" },
  [KAB_DOC_PAYMENT] = { "Payment", "Betalning", "Innbetaling", "Оплата" },
  [KAB_DOC_OWED] = { "to pay", "att betala", "å betale", "к оплате" },
  [KAB_DOC_IN_CREDIT] = { "in your favour", "till ditt godo", "til gode", "переплата" },
  [KAB_DOC_THANKS] = { "Received with thanks.", "Betalningen är mottagen. Tack!", "Betalingen er mottatt. Takk!", "Оплата получена. Спасибо!" },
  [KAB_DOC_NOT_A_CASH_RECEIPT] = { "Not a cash register receipt.", "Inte ett kassakvitto.", "Ikke en kassakvittering.", "Не является кассовым чеком." },
  [KAB_DOC_TAX_RECEIPT] = { "“My Tax” receipt No.:", "Kvitto i ”Мой налог” nr:", "Kvittering i «Мой налог» nr.:", "Номер чека в «Мой налог»:" },
  [KAB_DOC_NO_VAT] = { "Without VAT.", "Utan moms.", "Uten mva.", "Без НДС." },
  /* Checked for issue 16: in mervärdesskattelagen (2023:200), in force since 1 July 2023,
   * 10 kap. 6 § exempts "tillhandahållanden av sjukvård eller tandvård" and 10 kap. 7 §
   * defines sjukvård, including measures taken by someone with särskild legitimation
   * (psykolog and psykoterapeut are among the legitimerade yrken of patientsäkerhetslagen
   * 4 kap. 1 §); 8 § is tandvård and 14 § social omsorg. Norway: merverdiavgiftsloven
   * § 3-2 første ledd, helsetjenester, which covers treatment by a psychologist
   * (Merverdiavgiftshåndboken M-3-2.2). Russia: НК РФ ст. 149 п. 2 пп. 2 exempts only
   * licensed medical services, so a psychologist's receipt cites no exemption: a
   * самозанятый pays no VAT, an ИП writes "Без НДС" for the regime it is on. */
  [KAB_DOC_EXEMPT_SE] = {
    "Exempt from VAT: health care by a licensed practitioner, 10 kap. 6–7 §§ mervärdesskattelagen (2023:200).",
    "Momsbefriad sjukvård utförd av legitimerad yrkesutövare enligt 10 kap. 6–7 §§ mervärdesskattelagen (2023:200).",
    "Unntatt fra merverdiavgift: helsetjeneste ved legitimert yrkesutøver, 10 kap. 6–7 §§ mervärdesskattelagen (2023:200).",
    "Освобождено от НДС: услуги здравоохранения, оказанные лицензированным специалистом, 10 kap. 6–7 §§ mervärdesskattelagen (2023:200).",
  },
  [KAB_DOC_EXEMPT_NO] = {
    "Exempt from VAT: health services, merverdiavgiftsloven § 3-2.",
    "Momsfri hälso- och sjukvårdstjänst enligt merverdiavgiftsloven § 3-2.",
    "Helsetjenester er unntatt fra merverdiavgift, jf. merverdiavgiftsloven § 3-2.",
    "Освобождено от НДС: услуги здравоохранения, merverdiavgiftsloven § 3-2.",
  },
  [KAB_DOC_LATE_CANCELLATION] = { "late cancellation", "sen avbokning", "sen avbestilling", "поздняя отмена" },
  [KAB_DOC_MONTHLY_FEE] = { "Monthly fee", "Månadsavgift", "Månedsavgift", "Ежемесячная оплата" },
  [KAB_DOC_PACKAGE] = { "Package of sessions", "Paket med sessioner", "Pakke med timer", "Абонемент на сессии" },
  [KAB_DOC_OTHER] = { "Other", "Övrigt", "Annet", "Прочее" },
  [KAB_DOC_CONSULTATION] = { "Consultation", "Konsultation", "Konsultasjon", "Консультация" },
  [KAB_DOC_PSYCHOTHERAPY] = { "Psychotherapy", "Psykoterapi", "Psykoterapi", "Психотерапия" },
  [KAB_DOC_ORG_NUMBER] = { "Org. No.:", "Org.nr:", "Org.nr.:", "Рег. номер:" },
  [KAB_DOC_INN] = { "INN:", "INN:", "INN:", "ИНН:" },
  [KAB_DOC_BANKGIRO] = { "Bankgiro:", "Bankgiro:", "Bankgiro:", "Bankgiro:" },
  [KAB_DOC_PLUSGIRO] = { "Plusgiro:", "Plusgiro:", "Plusgiro:", "Plusgiro:" },
  [KAB_DOC_ACCOUNT] = { "Account:", "Konto:", "Kontonummer:", "Расчётный счёт:" },
  [KAB_DOC_BIC] = { "BIC:", "BIC:", "BIC:", "БИК:" },
  [KAB_DOC_PURPOSE] = {
    "Payment for psychological services, invoice No. {}",
    "Betalning för psykologtjänster, faktura nr {}",
    "Betaling for psykologtjenester, faktura nr. {}",
    "Оплата психологических услуг по счёту № {}",
  },
};

static const char * const methods[][N_LANGS] = {
  [KAB_PAYMENT_METHOD_CASH] = { "Cash", "Kontant", "Kontant", "Наличные" },
  [KAB_PAYMENT_METHOD_CARD] = { "Card", "Kort", "Kort", "Банковская карта" },
  [KAB_PAYMENT_METHOD_BANK_TRANSFER] = { "Bank transfer", "Banköverföring", "Bankoverføring", "Банковский перевод" },
  [KAB_PAYMENT_METHOD_SWISH] = { "Swish", "Swish", "Swish", "Swish" },
  [KAB_PAYMENT_METHOD_VIPPS] = { "Vipps", "Vipps", "Vipps", "Vipps" },
  [KAB_PAYMENT_METHOD_SBP] = { "Faster Payments (SBP)", "SBP", "SBP", "СБП" },
  [KAB_PAYMENT_METHOD_OTHER] = { "Other", "Annat", "Annet", "Другое" },
};

static const char * const months[N_LANGS][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
  { "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december" },
  { "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "desember" },
  /* the genitive: "2 марта 2026 г." */
  { "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
    "сентября", "октября", "ноября", "декабря" },
};

static const char * const months_nominative_ru[12] = {
  "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
  "сентябрь", "октябрь", "ноябрь", "декабрь",
};

static int
lang_index (const char *language)
{
  if (g_strcmp0 (language, "sv") == 0)
    return LANG_SV;
  if (g_strcmp0 (language, "nb") == 0)
    return LANG_NB;
  if (g_strcmp0 (language, "ru") == 0)
    return LANG_RU;
  return LANG_EN;
}

/**
 * kab_document_language:
 * @language: (nullable): a language code
 *
 * Returns: the language a document for @language is written in: "en", "sv", "nb" or "ru"
 */
const char *
kab_document_language (const char *language)
{
  static const char * const codes[N_LANGS] = { "en", "sv", "nb", "ru" };

  return codes[lang_index (language)];
}

const char *
kab_document_text (const char *language,
                   KabDocText  text)
{
  g_return_val_if_fail (text < KAB_DOC_N_TEXTS, "");

  return texts[text][lang_index (language)];
}

/**
 * kab_document_fill:
 * @value: what replaces the "{}" in @text: a number, a name
 *
 * Returns: (transfer full): @text in @language with @value in its place
 */
char *
kab_document_fill (const char *language,
                   KabDocText  text,
                   const char *value)
{
  g_auto(GStrv) parts = g_strsplit (kab_document_text (language, text), "{}", 2);

  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup (kab_document_text (language, text));
  return g_strconcat (parts[0], value != NULL ? value : "", parts[1], NULL);
}

const char *
kab_document_method (const char       *language,
                     KabPaymentMethod  method)
{
  if ((guint)method >= G_N_ELEMENTS (methods))
    method = KAB_PAYMENT_METHOD_OTHER;

  return methods[method][lang_index (language)];
}

/**
 * kab_document_format_date:
 *
 * Returns: (transfer full): @date's local day as a document in @language writes it:
 *   "2 March 2026", "2 mars 2026", "2. mars 2026", "2 марта 2026 г."
 */
char *
kab_document_format_date (const char *language,
                          GDateTime  *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  int lang = lang_index (language);
  int day = g_date_time_get_day_of_month (local);
  const char *month = months[lang][g_date_time_get_month (local) - 1];
  int year = g_date_time_get_year (local);

  switch (lang)
    {
    case LANG_NB:
      return g_strdup_printf ("%d. %s %d", day, month, year);
    case LANG_RU:
      return g_strdup_printf ("%d %s %d г.", day, month, year);
    default:
      return g_strdup_printf ("%d %s %d", day, month, year);
    }
}

/**
 * kab_document_format_month:
 *
 * Returns: (transfer full): the month as a document in @language names it: "March
 *   2026", "mars 2026", "март 2026 г."
 */
char *
kab_document_format_month (const char *language,
                           int         year,
                           int         month)
{
  int lang = lang_index (language);

  g_return_val_if_fail (month >= 1 && month <= 12, g_strdup (""));

  if (lang == LANG_RU)
    return g_strdup_printf ("%s %d г.", months_nominative_ru[month - 1], year);
  return g_strdup_printf ("%s %d", months[lang][month - 1], year);
}

/* The local symbol a document in @language uses for @currency, or %NULL for the code. */
static const char *
local_symbol (int         lang,
              const char *currency)
{
  if ((lang == LANG_SV || lang == LANG_NB) &&
      (g_str_equal (currency, "SEK") || g_str_equal (currency, "NOK")))
    return "kr";
  if (lang == LANG_RU && g_str_equal (currency, "RUB"))
    return "₽";
  return NULL;
}

/**
 * kab_document_format_money:
 *
 * Returns: (transfer full): the amount as a document in @language writes it, whatever
 *   the user's locale: "SEK 1,500.00" in English, "1 500,00 kr" in Swedish and
 *   Norwegian, "1 500,00 ₽" in Russian (with no-break spaces)
 */
char *
kab_document_format_money (const char *language,
                           gint64      minor,
                           const char *currency)
{
  g_autofree char *plain = kab_money_format_plain (minor < 0 ? -minor : minor, currency);
  int lang = lang_index (language);
  gboolean comma = lang != LANG_EN;
  const char *group = comma ? "\u00a0" : ",";
  const char *point = strchr (plain, '.');
  gsize int_len = point != NULL ? (gsize)(point - plain) : strlen (plain);
  const char *symbol = local_symbol (lang, currency);
  GString *text = g_string_new (minor < 0 ? "−" : "");

  if (lang == LANG_EN)
    g_string_append_printf (text, "%s\u00a0", currency);

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (text, group);
      g_string_append_c (text, plain[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (text, comma ? ',' : '.');
      g_string_append (text, point + 1);
    }

  if (lang != LANG_EN)
    g_string_append_printf (text, "\u00a0%s", symbol != NULL ? symbol : currency);

  return g_string_free (text, FALSE);
}

/* Markup */

/* One line of the user's own text (a name, an address, a note): line breaks become
 * commas, and nothing in it can be read as markup: not a heading or a bullet at its
 * start, nor a line break (a backslash) at its end. */
char *
kab_document_plain_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text != NULL ? text : "", "\r\n", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append (line, lines[i]);
    }

  while (line->len > 0 && (line->str[0] == '#' || g_str_has_prefix (line->str, "- ")))
    g_string_erase (line, 0, 1);
  while (line->len > 0 && line->str[line->len - 1] == '\\')
    g_string_truncate (line, line->len - 1);

  return g_strstrip (g_string_free (line, FALSE));
}

/* The practitioner's details, one per printed line: the markup joins lines into a
 * paragraph unless they end in a backslash. */
void
kab_document_append_line (GString    *text,
                          const char *value)
{
  g_autofree char *line = kab_document_plain_line (value);

  if (*line == '\0')
    return;

  if (text->len > 0 && text->str[text->len - 1] == '\n' &&
      (text->len < 2 || text->str[text->len - 2] != '\n'))
    g_string_insert_c (text, text->len - 1, '\\');
  g_string_append_printf (text, "%s\n", line);
}

/* "Label value" as a bullet of the payment's details. */
void
kab_document_append_detail (GString    *text,
                            const char *label,
                            const char *value)
{
  g_autofree char *line = kab_document_plain_line (value);

  if (*line != '\0')
    g_string_append_printf (text, "- %s %s\n", label, line);
}

