/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bookkeeping-ui.c: the export for the accountant in a real window: its period, chosen
 * with the presets and the calendars, and the rows of the file it writes */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kab-date-format.h"
#include "kab-store.h"
#include "common/kab-date-popover.h"
#include "payments/kab-bookkeeping-dialog.h"
#include "payments/kab-income-page.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  char         *dir;
  KabStore     *store;
  GtkWidget    *page;
  GPtrArray    *expected;    /* every row written to the store, as "YYYY-MM-DD,Kind,amount" */
  gint64        client_id;
} Fixture;

static void
add_row (Fixture   *f,
         gboolean   charge,
         GDateTime *date,
         gint64     amount)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

  if (charge)
    {
      g_autoptr(KabCharge) row = kab_charge_new ();

      g_object_set (row, "client-id", f->client_id, "date", date, "amount", amount,
                    "currency", "SEK", "kind", KAB_CHARGE_KIND_SESSION, NULL);
      g_assert_true (kab_store_save_charge (f->store, row, &error));
    }
  else
    {
      g_autoptr(KabPayment) row = kab_payment_new ();

      g_object_set (row, "client-id", f->client_id, "date", date, "amount", amount,
                    "currency", "SEK", "method", KAB_PAYMENT_METHOD_SWISH, NULL);
      g_assert_true (kab_store_save_payment (f->store, row, &error));
    }
  g_assert_no_error (error);
  g_ptr_array_add (f->expected, g_strdup_printf ("%s,%s,%" G_GINT64_FORMAT ".%02d", day,
                                                 charge ? "Charge" : "Payment",
                                                 amount / 100, (int)(amount % 100)));
}

static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) this_month = NULL;
  g_autoptr(GDateTime) last_month = NULL;
  g_autoptr(GDateTime) before_last_month = NULL;
  g_autoptr(GDateTime) end_of_last_month = NULL;
  GtkWidget *overlay;
  GtkWidget *window;
  int y = g_date_time_get_year (now);

  f->dir = g_dir_make_tmp ("kabinett-bookkeeping-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);
  f->expected = g_ptr_array_new_with_free_func (g_free);

  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "currency", "SEK", NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_object_set (client, "given-name", "Åsa", "family-name", "Öberg", NULL);
  g_assert_true (kab_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = kab_client_get_id (client);

  /* Around the edges of last month and of a period in March last year: the first and
   * last minute inside, the minute before and after outside. */
  this_month = at (y, g_date_time_get_month (now), 1, 0, 0);
  last_month = g_date_time_add_months (this_month, -1);
  before_last_month = g_date_time_add_minutes (last_month, -1);
  end_of_last_month = g_date_time_add_minutes (this_month, -1);
  add_row (f, TRUE, last_month, 120050);
  add_row (f, FALSE, end_of_last_month, 60025);
  add_row (f, TRUE, this_month, 90000);
  add_row (f, TRUE, before_last_month, 80000);
  {
    g_autoptr(GDateTime) a = at (y - 1, 3, 3, 0, 0);
    g_autoptr(GDateTime) b = at (y - 1, 3, 2, 23, 59);
    g_autoptr(GDateTime) c = at (y - 1, 3, 17, 23, 59);
    g_autoptr(GDateTime) d = at (y - 1, 3, 18, 0, 0);
    g_autoptr(GDateTime) e = at (y - 1, 6, 15, 12, 0);
    g_autoptr(GDateTime) g = at (y - 2, 12, 31, 23, 59);

    add_row (f, TRUE, a, 100001);
    add_row (f, FALSE, b, 100002);
    add_row (f, TRUE, c, 100003);
    add_row (f, FALSE, d, 100004);
    add_row (f, TRUE, e, 100005);
    add_row (f, TRUE, g, 100006);
  }

  /* The income page as the Payments view holds it, under a toast overlay. */
  f->page = kab_income_page_new (f->store);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), f->page);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_destroy_all_windows ();
  g_clear_object (&f->store);
  g_ptr_array_unref (f->expected);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_true (GTK_IS_WIDGET (found));
  return GTK_WIDGET (found);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  kab_test_iterate ();
}

static void
assert_day (GDateTime *date,
            int        year,
            int        month,
            int        day)
{
  g_assert_cmpint (g_date_time_get_year (date), ==, year);
  g_assert_cmpint (g_date_time_get_month (date), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, day);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 0);
}

/* Chooses @day in the calendar of the row's popover, as a user does. */
static void
choose_day (KabBookkeepingDialog *dialog,
            const char           *button_name,
            const char           *popover_name,
            GDateTime            *day)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, button_name));
  GtkWidget *popover = child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, popover_name);
  GtkCalendar *calendar = GTK_CALENDAR (child (popover, KAB_TYPE_DATE_POPOVER, "calendar"));
  GtkWidget *record = child (popover, KAB_TYPE_DATE_POPOVER, "record_button");

  gtk_menu_button_popup (button);
  kab_test_wait_until_mapped (popover);
  gtk_calendar_select_day (calendar, day);
  kab_test_iterate ();
  click (record);
  g_assert_false (gtk_widget_get_visible (popover));
}

/* The rows of the export, as "day,kind,amount", from a comma-separated file. */
static GPtrArray *
read_rows (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Date,Type,Client,Description,Charged,Paid,Currency,Note");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_ptr_array_add (rows, g_strdup_printf ("%s,%s,%s", fields[0], fields[1],
                                              *fields[4] != '\0' ? fields[4] : fields[5]));
    }
  return rows;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* Saves the export and compares its rows with every row whose day lies in the period. */
static void
assert_export (Fixture              *f,
               KabBookkeepingDialog *dialog,
               guint                 n_expected)
{
  g_autofree char *first = g_date_time_format (kab_bookkeeping_dialog_get_first (dialog), "%Y-%m-%d");
  g_autofree char *last = g_date_time_format (kab_bookkeeping_dialog_get_last (dialog), "%Y-%m-%d");
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (kab_bookkeeping_dialog_save (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  for (guint i = 0; i < f->expected->len; i++)
    {
      const char *row = g_ptr_array_index (f->expected, i);

      /* ISO days compare as strings */
      if (strncmp (row, first, 10) >= 0 && strncmp (row, last, 10) <= 0)
        g_ptr_array_add (expected, (gpointer)row);
    }

  rows = read_rows (path);
  g_ptr_array_sort (rows, compare_strings);
  g_ptr_array_sort (expected, compare_strings);
  g_test_message ("%s to %s: %u rows", first, last, rows->len);
  g_assert_cmpuint (expected->len, ==, n_expected);
  g_assert_cmpuint (rows->len, ==, expected->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (g_ptr_array_index (rows, i), ==, g_ptr_array_index (expected, i));
}

static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int y = g_date_time_get_year (now);
  g_autoptr(GDateTime) this_month = at (y, g_date_time_get_month (now), 1, 0, 0);
  g_autoptr(GDateTime) last_month = g_date_time_add_months (this_month, -1);
  g_autoptr(GDateTime) end_of_last_month = g_date_time_add_days (this_month, -1);
  g_autoptr(GDateTime) march_3 = at (y - 1, 3, 3, 0, 0);
  g_autoptr(GDateTime) march_17 = at (y - 1, 3, 17, 0, 0);
  g_autoptr(GDateTime) march_20 = at (y - 1, 3, 20, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected_name = NULL;
  KabBookkeepingDialog *dialog;
  GtkWidget *export_button;
  GtkWidget *period_error;
  GtkFileChooser *chooser;
  guint in_last_year = 0;

  /* The export opens on the year shown, in a dialog over the window. */
  g_assert_true (gtk_widget_activate_action (f->page, "income.export", NULL));
  dialog = KAB_BOOKKEEPING_DIALOG (kab_test_find_toplevel (KAB_TYPE_BOOKKEEPING_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (gtk_widget_get_root (f->page)));
  assert_day (kab_bookkeeping_dialog_get_first (dialog), y, 1, 1);
  assert_day (kab_bookkeeping_dialog_get_last (dialog), y, 12, 31);
  export_button = child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "export_button");
  period_error = child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "period_error");
  kab_bookkeeping_dialog_set_format (dialog, KAB_BOOKKEEPING_FORMAT_COMMA);

  /* Last month: its first and last minute, nothing around it. */
  click (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "last_month_button"));
  assert_day (kab_bookkeeping_dialog_get_first (dialog), g_date_time_get_year (last_month),
              g_date_time_get_month (last_month), 1);
  assert_day (kab_bookkeeping_dialog_get_last (dialog), g_date_time_get_year (end_of_last_month),
              g_date_time_get_month (end_of_last_month), g_date_time_get_day_of_month (end_of_last_month));
  label = kab_date_format_document (kab_bookkeeping_dialog_get_last (dialog));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "last_button"))),
                   ==, label);
  assert_export (f, dialog, 2);

  /* Last year. */
  click (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "last_year_button"));
  assert_day (kab_bookkeeping_dialog_get_first (dialog), y - 1, 1, 1);
  assert_day (kab_bookkeeping_dialog_get_last (dialog), y - 1, 12, 31);
  for (guint i = 0; i < f->expected->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%d-", y - 1);

      in_last_year += g_str_has_prefix (g_ptr_array_index (f->expected, i), prefix);
    }
  assert_export (f, dialog, in_last_year);

  /* This month and this year. */
  click (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "this_month_button"));
  assert_day (kab_bookkeeping_dialog_get_first (dialog), y, g_date_time_get_month (now), 1);
  assert_export (f, dialog, 1);
  click (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "this_year_button"));
  assert_day (kab_bookkeeping_dialog_get_first (dialog), y, 1, 1);
  assert_day (kab_bookkeeping_dialog_get_last (dialog), y, 12, 31);

  /* A period of one's own, from the calendars: the last day first (a day in the future
   * may be chosen), then a first day after it, which is refused with a message. */
  click (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "last_year_button"));
  choose_day (dialog, "last_button", "last_popover", march_17);
  assert_day (kab_bookkeeping_dialog_get_last (dialog), y - 1, 3, 17);
  g_assert_false (gtk_widget_get_visible (period_error));
  choose_day (dialog, "first_button", "first_popover", march_20);
  assert_day (kab_bookkeeping_dialog_get_first (dialog), y - 1, 3, 20);
  g_assert_false (kab_bookkeeping_dialog_is_valid (dialog));
  g_assert_true (gtk_widget_get_visible (period_error));
  g_assert_false (gtk_widget_is_sensitive (export_button));
  {
    g_autofree char *path = g_build_filename (f->dir, "refused.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_false (kab_bookkeeping_dialog_save (dialog, file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* The calendar offers the day already chosen, not today. */
  {
    GtkWidget *popover = child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "first_popover");
    GtkCalendar *calendar = GTK_CALENDAR (child (popover, KAB_TYPE_DATE_POPOVER, "calendar"));
    g_autoptr(GDateTime) shown = NULL;

    gtk_menu_button_popup (GTK_MENU_BUTTON (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "first_button")));
    kab_test_wait_until_mapped (popover);
    shown = gtk_calendar_get_date (calendar);
    assert_day (shown, y - 1, 3, 20);
    gtk_popover_popdown (GTK_POPOVER (popover));
    kab_test_iterate ();
  }

  choose_day (dialog, "first_button", "first_popover", march_3);
  g_assert_true (kab_bookkeeping_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_get_visible (period_error));
  g_assert_true (gtk_widget_is_sensitive (export_button));
  assert_export (f, dialog, 2);

  /* Export… asks where, offering a name with the period. */
  click (export_button);
  chooser = GTK_FILE_CHOOSER (kab_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  expected_name = g_strdup_printf ("bookkeeping-%d-03-03_%d-03-17.csv", y - 1, y - 1);
  g_assert_cmpstr (name, ==, expected_name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  kab_test_iterate ();
  /* cancelled: the dialog stays, with its period */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  assert_day (kab_bookkeeping_dialog_get_first (dialog), y - 1, 3, 3);

  /* SIE files end in ".se"; a whole year is named by the year. */
  kab_bookkeeping_dialog_set_format (dialog, KAB_BOOKKEEPING_FORMAT_SIE);
  click (child (dialog, KAB_TYPE_BOOKKEEPING_DIALOG, "last_year_button"));
  g_free (name);
  name = kab_bookkeeping_dialog_dup_file_name (dialog);
  g_free (expected_name);
  expected_name = g_strdup_printf ("bookkeeping-%d.se", y - 1);
  g_assert_cmpstr (name, ==, expected_name);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/bookkeeping-ui/period", Fixture, NULL, fixture_set_up, test_period, fixture_tear_down);

  return g_test_run ();
}
