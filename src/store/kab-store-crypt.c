/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-crypt.c: backups encrypted with a passphrase, for copies that leave the computer */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "kab-store-private.h"

/* The file: a header, then the backup in chunks of 64 KiB, each sealed with
 * XChaCha20-Poly1305 (libsodium's secretstream), the last one marked final, so that a
 * cut, a reordered or a changed chunk is refused. The key comes from the passphrase with
 * Argon2id. The header is authenticated with every chunk.
 *
 *   "KABENC" 0x00 0x01          magic and format version
 *   opslimit, memlimit          Argon2id costs, 8 bytes each, little-endian
 *   salt                        16 bytes
 *   secretstream header         24 bytes
 */

#define KAB_CRYPT_MAGIC      "KABENC\0\1"
#define KAB_CRYPT_MAGIC_LEN  8
#define KAB_CRYPT_CHUNK      65536
#define KAB_CRYPT_HEADER_LEN (KAB_CRYPT_MAGIC_LEN + 8 + 8 + crypto_pwhash_SALTBYTES \
                              + crypto_secretstream_xchacha20poly1305_HEADERBYTES)

static void
put_le64 (guchar  *p,
          guint64  value)
{
  for (guint i = 0; i < 8; i++)
    p[i] = (value >> (8 * i)) & 0xff;
}

static guint64
get_le64 (const guchar *p)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value |= (guint64)p[i] << (8 * i);

  return value;
}

static gboolean
derive_key (const char   *passphrase,
            const guchar *salt,
            guint64       opslimit,
            guint64       memlimit,
            guchar       *key)
{
  return crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES,
                        passphrase, strlen (passphrase), salt,
                        opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

static gssize
read_full (int     fd,
           guchar *data,
           gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = read (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }

  return done;
}

/**
 * kab_store_backup_is_encrypted:
 * @path: a file
 *
 * Returns: whether @path starts as a backup written by kab_store_backup_encrypted()
 */
gboolean
kab_store_backup_is_encrypted (const char *path)
{
  guchar magic[KAB_CRYPT_MAGIC_LEN];
  gboolean found;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;

  found = read_full (fd, magic, sizeof magic) == sizeof magic
          && memcmp (magic, KAB_CRYPT_MAGIC, KAB_CRYPT_MAGIC_LEN) == 0;
  close (fd);
  return found;
}

/* Seals @in into @out. */
static gboolean
encrypt_file (int         in,
              int         out,
              const char *passphrase)
{
  guchar header[KAB_CRYPT_HEADER_LEN];
  guchar key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guchar *salt = header + KAB_CRYPT_MAGIC_LEN + 16;
  guchar *stream_header = salt + crypto_pwhash_SALTBYTES;
  crypto_secretstream_xchacha20poly1305_state state;
  g_autofree guchar *plain = g_malloc (KAB_CRYPT_CHUNK);
  g_autofree guchar *sealed = g_malloc (KAB_CRYPT_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
  guint64 opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  guint64 memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  gboolean ok = TRUE;
  gssize n;

  memcpy (header, KAB_CRYPT_MAGIC, KAB_CRYPT_MAGIC_LEN);
  put_le64 (header + KAB_CRYPT_MAGIC_LEN, opslimit);
  put_le64 (header + KAB_CRYPT_MAGIC_LEN + 8, memlimit);
  randombytes_buf (salt, crypto_pwhash_SALTBYTES);

  if (!derive_key (passphrase, salt, opslimit, memlimit, key))
    return FALSE;

  crypto_secretstream_xchacha20poly1305_init_push (&state, stream_header, key);
  sodium_memzero (key, sizeof key);

  if (!write_all (out, header, sizeof header))
    return FALSE;

  /* Read one chunk ahead, so that the last one can be marked final. */
  n = read_full (in, plain, KAB_CRYPT_CHUNK);
  while (ok && n >= 0)
    {
      g_autofree guchar *next = g_malloc (KAB_CRYPT_CHUNK);
      gssize next_n = n == KAB_CRYPT_CHUNK ? read_full (in, next, KAB_CRYPT_CHUNK) : 0;
      unsigned long long sealed_len = 0;
      guchar tag = next_n == 0 ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;

      if (next_n < 0)
        return FALSE;

      crypto_secretstream_xchacha20poly1305_push (&state, sealed, &sealed_len, plain, n,
                                                  header, sizeof header, tag);
      ok = write_all (out, sealed, sealed_len);
      if (tag != 0)
        break;

      memcpy (plain, next, next_n);
      n = next_n;
    }

  sodium_memzero (plain, KAB_CRYPT_CHUNK);
  return ok && n >= 0;
}

/**
 * kab_store_backup_encrypted:
 * @path: where to write the copy; replaced atomically when it exists
 * @passphrase: the passphrase, needed to restore it
 *
 * Writes a checked copy of the practice (kab_store_backup_to()), encrypted: for a copy
 * on a USB stick, which is the one most likely to be lost. Nothing unencrypted is left
 * beside @path; the plain copy exists only for a moment in the backups folder.
 */
gboolean
kab_store_backup_encrypted (KabStore    *self,
                            const char  *path,
                            const char  *passphrase,
                            GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  gboolean ok;
  int in = -1, out = -1;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  display = g_filename_display_name (path);
  if (sodium_init () < 0 || *passphrase == '\0')
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                   _("The encrypted backup “%s” could not be made: enter a passphrase."), display);
      return FALSE;
    }

  dir = kab_store_get_backup_dir (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                   _("The encrypted backup “%s” could not be made: %s."), display, g_strerror (saved));
      return FALSE;
    }

  /* A name the leftover cleaning knows ("kabinett-….db.XXXXXX"), should Kabinett be
   * stopped before it is removed. */
  {
    g_autofree char *stem = g_path_get_basename (self->path);

    if (g_str_has_suffix (stem, ".db"))
      stem[strlen (stem) - 3] = '\0';
    plain_path = g_strdup_printf ("%s/%s-encrypting.db.%06x", dir, stem,
                                  (guint)g_random_int_range (0, 0xffffff));
  }

  if (!kab_store_backup_to (self, plain_path, error))
    return FALSE;

  tmp = g_strdup_printf ("%s.XXXXXX", path);
  in = g_open (plain_path, O_RDONLY | O_CLOEXEC, 0);
  out = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  ok = in >= 0 && out >= 0 && encrypt_file (in, out, passphrase) && fsync (out) == 0;
  if (in >= 0)
    close (in);
  if (out >= 0 && close (out) != 0)
    ok = FALSE;
  g_unlink (plain_path);

  if (ok && g_rename (tmp, path) == 0)
    return TRUE;

  {
    int saved = errno;

    if (out >= 0)
      g_unlink (tmp);
    g_set_error (error, KAB_STORE_ERROR,
                 saved == ENOSPC ? KAB_STORE_ERROR_FULL : KAB_STORE_ERROR_FAILED,
                 _("The encrypted backup “%s” could not be written: %s."), display,
                 g_strerror (saved != 0 ? saved : EIO));
  }
  return FALSE;
}

/* Opens @in's seal into @out; FALSE for a wrong passphrase, a changed or cut file. */
static gboolean
decrypt_file (int         in,
              int         out,
              const char *passphrase,
              gboolean   *out_io_error)
{
  guchar header[KAB_CRYPT_HEADER_LEN];
  guchar key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  const guchar *salt = header + KAB_CRYPT_MAGIC_LEN + 16;
  const guchar *stream_header = salt + crypto_pwhash_SALTBYTES;
  crypto_secretstream_xchacha20poly1305_state state;
  gsize sealed_size = KAB_CRYPT_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES;
  g_autofree guchar *sealed = g_malloc (sealed_size);
  g_autofree guchar *plain = g_malloc (KAB_CRYPT_CHUNK);
  guint64 opslimit, memlimit;
  guchar tag = 0;
  gssize n;

  *out_io_error = FALSE;
  if (read_full (in, header, sizeof header) != sizeof header
      || memcmp (header, KAB_CRYPT_MAGIC, KAB_CRYPT_MAGIC_LEN) != 0)
    return FALSE;

  opslimit = get_le64 (header + KAB_CRYPT_MAGIC_LEN);
  memlimit = get_le64 (header + KAB_CRYPT_MAGIC_LEN + 8);
  /* A changed header must not make Kabinett spend an hour or all memory. */
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE
      || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
    return FALSE;

  if (!derive_key (passphrase, salt, opslimit, memlimit, key))
    return FALSE;

  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, stream_header, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      return FALSE;
    }
  sodium_memzero (key, sizeof key);

  while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL)
    {
      unsigned long long plain_len = 0;

      n = read_full (in, sealed, sealed_size);
      if (n <= 0)
        {
          *out_io_error = n < 0;
          return FALSE;
        }

      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plain_len, &tag,
                                                      sealed, n, header, sizeof header) != 0)
        return FALSE;

      if (!write_all (out, plain, plain_len))
        {
          *out_io_error = TRUE;
          return FALSE;
        }
    }

  /* Nothing may follow the final chunk. */
  return read_full (in, sealed, 1) == 0;
}

/**
 * kab_store_restore_encrypted:
 * @db_path: the database to restore; it must not be open
 * @backup_path: a backup written by kab_store_backup_encrypted()
 * @passphrase: its passphrase
 * @now: the current time, naming the copy of the current database
 * @out_safety_copy: (out) (optional) (transfer full): see kab_store_restore_backup()
 *
 * Opens the encrypted backup into a private temporary file in the backups folder and
 * restores that (kab_store_restore_backup()). A wrong passphrase, or a file that was
 * changed or cut, is refused with %KAB_STORE_ERROR_REFUSED and changes nothing; the
 * encrypted file itself is only read.
 */
gboolean
kab_store_restore_encrypted (const char  *db_path,
                             const char  *backup_path,
                             const char  *passphrase,
                             GDateTime   *now,
                             char       **out_safety_copy,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *display = g_filename_display_name (backup_path);
  gboolean io_error = FALSE;
  gboolean ok;
  int in, out;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                           _("Encryption is not available. Nothing was restored."));
      return FALSE;
    }

  dir = kab_store_get_backup_dir (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                   _("“%s” could not be restored: %s."), display, g_strerror (saved));
      return FALSE;
    }

  stem = g_path_get_basename (db_path);
  if (g_str_has_suffix (stem, ".db"))
    stem[strlen (stem) - 3] = '\0';
  plain_path = g_strdup_printf ("%s/%s-decrypted.db.XXXXXX", dir, stem);

  in = g_open (backup_path, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                   _("“%s” could not be read: %s."), display, g_strerror (saved));
      return FALSE;
    }

  out = g_mkstemp_full (plain_path, O_RDWR | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved = errno;
      close (in);
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                   _("“%s” could not be restored: %s."), display, g_strerror (saved));
      return FALSE;
    }

  ok = decrypt_file (in, out, passphrase, &io_error);
  close (in);
  close (out);

  if (!ok)
    {
      g_unlink (plain_path);
      if (io_error)
        g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                     _("“%s” could not be read to the end. Nothing was restored."), display);
      else
        g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                     _("The passphrase is wrong, or “%s” was changed or damaged since it "
                       "was made. Nothing was restored."), display);
      return FALSE;
    }

  ok = kab_store_restore_backup (db_path, plain_path, now, out_safety_copy, error);
  g_unlink (plain_path);
  return ok;
}
