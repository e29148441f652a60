/*
 * nest-runc, compiled: the same runc wrapper as .ci/nest-runc (read its
 * header for why it exists), for TEST MACHINES ONLY.
 *
 * containerd runs the OCI runtime several times for every container start
 * (create, start, state, delete). The shell version costs ~10 ms a call
 * (bash, readlink, grep, jq processes), ~45 ms on every container start
 * that real runners never pay; this one costs about what runc itself does.
 * .ci/setup-docker.sh builds it with cc when a compiler is there and
 * installs the shell version otherwise. Both do the same:
 *   - `create` / `run`: remove "CAP_SYS_RESOURCE" from <bundle>/config.json
 *     (bundle from --bundle/-b, default: the current directory);
 *   - `exec --process FILE`: remove it from FILE;
 *   - then exec the real runc with the original arguments.
 * The spec files are compact JSON written by containerd; the capability
 * name appears only in the capability lists, so it is removed as a list
 * element (with one neighbouring comma), the file rewritten atomically.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char CAP[] = "\"CAP_SYS_RESOURCE\"";

static void say(const char *what, const char *detail) {
  fprintf(stderr, "nest-runc: %s%s%s\n", what, detail ? " " : "", detail ? detail : "");
}

/* The real runc: $NEST_RUNC_REAL, else the first runc that is not us. */
static const char *real_runc(void) {
  static char self[PATH_MAX], cand_real[PATH_MAX];
  const char *env = getenv("NEST_RUNC_REAL");
  if (env && access(env, X_OK) == 0) return env;
  if (!realpath("/proc/self/exe", self)) self[0] = '\0';
  const char *candidates[] = {"/usr/sbin/runc", "/usr/bin/runc", "/usr/local/sbin/runc", NULL};
  for (int i = 0; candidates[i]; i++) {
    if (access(candidates[i], X_OK) != 0) continue;
    if (realpath(candidates[i], cand_real) && strcmp(cand_real, self) == 0) continue;
    return candidates[i];
  }
  return NULL;
}

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* Removes every CAP list element from the JSON text; returns the new length. */
static size_t strip(char *text, size_t len) {
  size_t cap = sizeof CAP - 1;
  char *hit;
  while ((hit = memmem(text, len, CAP, cap)) != NULL) {
    char *start = hit, *end = hit + cap;
    char *after = end;
    while (after < text + len && is_space(*after)) after++;
    if (after < text + len && *after == ',') {
      end = after + 1; /* "CAP", next → next */
    } else {
      char *before = start;
      while (before > text && is_space(before[-1])) before--;
      if (before > text && before[-1] == ',') start = before - 1; /* prev, "CAP" → prev */
    }
    memmove(start, end, (size_t)(text + len - end));
    len -= (size_t)(end - start);
  }
  return len;
}

static void strip_file(const char *path) {
  FILE *in = fopen(path, "rb");
  if (!in) return;
  struct stat st;
  if (fstat(fileno(in), &st) != 0 || st.st_size <= 0) {
    fclose(in);
    return;
  }
  size_t len = (size_t)st.st_size;
  char *text = malloc(len + 1);
  if (!text || fread(text, 1, len, in) != len) {
    say("could not read; passing it through unchanged:", path);
    fclose(in);
    free(text);
    return;
  }
  fclose(in);
  if (!memmem(text, len, CAP, sizeof CAP - 1)) {
    free(text);
    return;
  }
  len = strip(text, len);
  char tmp[PATH_MAX];
  snprintf(tmp, sizeof tmp, "%s.nest-runc.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    say("could not rewrite; passing it through unchanged:", path);
    free(text);
    return;
  }
  if (write(fd, text, len) != (ssize_t)len || fchmod(fd, st.st_mode & 07777) != 0 ||
      close(fd) != 0 || rename(tmp, path) != 0) {
    say("could not rewrite; passing it through unchanged:", path);
    unlink(tmp);
  }
  free(text);
}

/* The value of --name/-n VALUE or --name=VALUE at argv[i], or NULL. */
static const char *flag_value(char **argv, int argc, int i, const char *const names[]) {
  for (int k = 0; names[k]; k++) {
    size_t n = strlen(names[k]);
    if (strcmp(argv[i], names[k]) == 0) return i + 1 < argc ? argv[i + 1] : NULL;
    if (strncmp(argv[i], names[k], n) == 0 && argv[i][n] == '=') return argv[i] + n + 1;
  }
  return NULL;
}

int main(int argc, char **argv) {
  const char *real = real_runc();
  if (!real) {
    say("real runc not found (looked at /usr/sbin/runc, /usr/bin/runc, /usr/local/sbin/runc)", NULL);
    return 127;
  }
  /* Global flags come before the subcommand; these take a value. */
  static const char *const valued[] = {"--root", "--log", "--log-format", "--criu", "--rootless",
                                       "-root", "-log", "-log-format", "-criu", "-rootless"};
  int i = 1;
  while (i < argc && argv[i][0] == '-') {
    int skip = 1;
    for (size_t k = 0; k < sizeof valued / sizeof *valued; k++) {
      if (strcmp(argv[i], valued[k]) == 0) skip = 2;
    }
    i += skip;
  }
  if (i < argc) {
    const char *sub = argv[i];
    static const char *const bundle_flags[] = {"--bundle", "-b", "-bundle", NULL};
    static const char *const process_flags[] = {"--process", "-p", "-process", NULL};
    if (strcmp(sub, "create") == 0 || strcmp(sub, "run") == 0) {
      const char *bundle = ".";
      for (int j = i + 1; j < argc && strcmp(argv[j], "--") != 0; j++) {
        const char *v = flag_value(argv, argc, j, bundle_flags);
        if (v) bundle = v;
      }
      char path[PATH_MAX];
      snprintf(path, sizeof path, "%s/config.json", bundle);
      strip_file(path);
    } else if (strcmp(sub, "exec") == 0) {
      for (int j = i + 1; j < argc && strcmp(argv[j], "--") != 0; j++) {
        const char *v = flag_value(argv, argc, j, process_flags);
        if (v) strip_file(v);
      }
    }
  }
  argv[0] = (char *)real;
  execv(real, argv);
  say("exec of the real runc failed:", strerror(errno));
  return 127;
}
