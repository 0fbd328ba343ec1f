/*
 * Non-variadic wrappers over libedit for the qrepl line editor, and the SIGINT handler.
 * See include/CEditLine.h for what each function promises.
 */

#include "CEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* Name under which the Tab handler is registered with libedit. */
static const char completion_command[] = "qrepl-complete";

struct cel_editor {
    EditLine *el;
    History *history;
    char *prompt;                  /* owned; what the prompt callback hands to libedit */
    cel_completion_fn completer;   /* may be NULL */
    void *completer_context;
};

static char empty_prompt[] = "";

/* Finds our editor from libedit's handle through EL_CLIENTDATA. */
static cel_editor *editor_of(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return (cel_editor *)data;
}

static char *prompt_callback(EditLine *el) {
    cel_editor *editor = editor_of(el);
    if (editor == NULL || editor->prompt == NULL) {
        return empty_prompt;
    }
    return editor->prompt;
}

static unsigned char completion_callback(EditLine *el, int key) {
    (void)key;
    cel_editor *editor = editor_of(el);
    if (editor == NULL || editor->completer == NULL) {
        return CC_ERROR;
    }
    switch (editor->completer(editor, editor->completer_context)) {
    case CEL_COMPLETION_REFRESH:
        return CC_REFRESH;
    case CEL_COMPLETION_REDISPLAY:
        return CC_REDISPLAY;
    default:
        return CC_ERROR;
    }
}

static int read_character(EditLine *el, wchar_t *character);

cel_editor *cel_open(const char *program_name, int history_size) {
    setlocale(LC_CTYPE, "");

    cel_editor *editor = calloc(1, sizeof *editor);
    if (editor == NULL) {
        return NULL;
    }
    editor->el = el_init(program_name, stdin, stdout, stderr);
    editor->history = history_init();
    if (editor->el == NULL || editor->history == NULL) {
        cel_close(editor);
        return NULL;
    }

    HistEvent event;
    history(editor->history, &event, H_SETSIZE, history_size > 0 ? history_size : 1000);
    history(editor->history, &event, H_SETUNIQUE, 1);

    EditLine *el = editor->el;
    el_set(el, EL_CLIENTDATA, (void *)editor);
    el_set(el, EL_HIST, history, editor->history);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_GETCFN, read_character);
    el_set(el, EL_PROMPT_ESC, prompt_callback, CEL_PROMPT_ESCAPE);
    el_set(el, EL_ADDFN, completion_command, "Complete the name before the cursor",
           completion_callback);
    el_set(el, EL_BIND, "^I", completion_command, NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    /* Ctrl-Left / Ctrl-Right move by words, as in most terminals' shells. */
    el_set(el, EL_BIND, "\\e[1;5D", "ed-prev-word", NULL);
    el_set(el, EL_BIND, "\\e[1;5C", "em-next-word", NULL);
    /* Last, so that the user's ~/.editrc (or $EDITRC) can override any of the above. */
    el_source(el, NULL);
    return editor;
}

void cel_close(cel_editor *editor) {
    if (editor == NULL) {
        return;
    }
    if (editor->el != NULL) {
        el_end(editor->el);
    }
    if (editor->history != NULL) {
        history_end(editor->history);
    }
    free(editor->prompt);
    free(editor);
}

int cel_set_prompt(cel_editor *editor, const char *prompt) {
    char *copy = strdup(prompt != NULL ? prompt : "");
    if (copy == NULL) {
        return -1;
    }
    free(editor->prompt);
    editor->prompt = copy;
    return 0;
}

void cel_set_completer(cel_editor *editor, cel_completion_fn callback, void *context) {
    editor->completer = callback;
    editor->completer_context = context;
}

const char *cel_current_line(cel_editor *editor, int *length, int *cursor) {
    const LineInfo *info = el_line(editor->el);
    if (info == NULL || info->buffer == NULL) {
        *length = 0;
        *cursor = 0;
        return "";
    }
    *length = (int)(info->lastchar - info->buffer);
    *cursor = (int)(info->cursor - info->buffer);
    return info->buffer;
}

int cel_insert(cel_editor *editor, const char *text) {
    return el_insertstr(editor->el, text) == 0 ? 0 : -1;
}

void cel_delete_before_cursor(cel_editor *editor, int count) {
    if (count > 0) {
        el_deletestr(editor->el, count);
    }
}

void cel_print(cel_editor *editor, const char *text) {
    (void)editor;
    fputs(text, stdout);
    fflush(stdout);
}

int cel_terminal_columns(cel_editor *editor) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    int columns = 0;
    if (el_get(editor->el, EL_GETTC, "co", &columns) == 0 && columns > 0) {
        return columns;
    }
    return 80;
}

int cel_bind(cel_editor *editor, const char *keys, const char *command) {
    return el_set(editor->el, EL_BIND, keys, command, NULL);
}

int cel_history_add(cel_editor *editor, const char *line) {
    HistEvent event;
    return history(editor->history, &event, H_ENTER, line) < 0 ? -1 : 0;
}

int cel_history_load(cel_editor *editor, const char *path) {
    HistEvent event;
    return history(editor->history, &event, H_LOAD, path);
}

int cel_history_save(cel_editor *editor, const char *path) {
    HistEvent event;
    return history(editor->history, &event, H_SAVE, path);
}

/* ---- SIGINT ----------------------------------------------------------------------- */

/*
 * Why a pipe: a Ctrl-C that lands after el_gets has started but before it blocks in
 * read() would otherwise be lost, and the read would go on waiting. The handler writes
 * a byte into this pipe, and read_character waits on the terminal and the pipe together,
 * so an interrupt is noticed whenever it arrives and whichever thread receives it.
 */
static int interrupt_pipe[2] = {-1, -1};
/* Set by the handler; cleared when a read starts and when the host acknowledges. */
static volatile sig_atomic_t interrupt_seen = 0;
/* Interrupts that arrived while no read was in progress and nobody acknowledged. */
static volatile sig_atomic_t unacknowledged_interrupts = 0;
/* Nonzero while a thread is inside cel_read_line. */
static volatile sig_atomic_t reading = 0;
/* Where the host wants cancellation requests stored (IsingCore.Cancellation). */
static int32_t *volatile cancel_flag = NULL;

static void on_sigint(int signal_number) {
    (void)signal_number;
    int saved_errno = errno;
    interrupt_seen = 1;
    int32_t *flag = cancel_flag;
    if (flag != NULL) {
        __atomic_store_n(flag, 1, __ATOMIC_SEQ_CST);
    }
    if (interrupt_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(interrupt_pipe[1], &byte, 1);
        (void)ignored;
    }
    if (!reading) {
        unacknowledged_interrupts += 1;
        if (unacknowledged_interrupts >= 3) {
            static const char message[] = "\nqrepl: interrupted three times; quitting\n";
            ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
            (void)ignored;
            _exit(130);
        }
    }
    errno = saved_errno;
}

static void drain_interrupt_pipe(void) {
    if (interrupt_pipe[0] < 0) {
        return;
    }
    char buffer[64];
    while (read(interrupt_pipe[0], buffer, sizeof buffer) > 0) {
    }
}

static int make_interrupt_pipe(void) {
    if (interrupt_pipe[0] >= 0) {
        return 0;
    }
    int ends[2];
    if (pipe(ends) != 0) {
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(ends[i], F_SETFL, fcntl(ends[i], F_GETFL) | O_NONBLOCK);
        fcntl(ends[i], F_SETFD, FD_CLOEXEC);
    }
    interrupt_pipe[0] = ends[0];
    interrupt_pipe[1] = ends[1];
    return 0;
}

int cel_install_sigint_handler(int32_t *flag) {
    cancel_flag = flag;
    if (make_interrupt_pipe() != 0) {
        return -1;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    action.sa_flags = 0; /* no SA_RESTART: a blocked read must return EINTR */
    sigemptyset(&action.sa_mask);
    return sigaction(SIGINT, &action, NULL);
}

int cel_interrupt_pending(void) {
    return interrupt_seen ? 1 : 0;
}

void cel_acknowledge_interrupt(void) {
    interrupt_seen = 0;
    unacknowledged_interrupts = 0;
}

int cel_block_sigint_in_this_thread(int block) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/*
 * libedit's character reader (EL_GETCFN), replacing its built-in one: waits for the
 * terminal or an interrupt, reads one byte at a time and decodes the locale's multibyte
 * characters. Returns 1 with a character, 0 at end of input, -1 on error or interrupt
 * (errno EINTR), as libedit expects.
 */
static int read_character(EditLine *el, wchar_t *character) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    *character = L'\0';
    for (;;) {
        if (interrupt_seen) {
            errno = EINTR;
            return -1;
        }
        struct pollfd watched[2] = {
            {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0},
            {.fd = interrupt_pipe[0], .events = POLLIN, .revents = 0},
        };
        nfds_t watched_count = interrupt_pipe[0] >= 0 ? 2 : 1;
        if (poll(watched, watched_count, -1) < 0) {
            if (errno == EINTR) {
                /* An interrupt is seen at the top of the loop. Other signals are libedit's
                   (resize, continue after a stop): redraw the line, as its own reader does. */
                if (!interrupt_seen) {
                    el_set(el, EL_REFRESH);
                }
                continue;
            }
            return -1;
        }
        if (watched_count == 2 && (watched[1].revents & POLLIN)) {
            drain_interrupt_pipe();
            interrupt_seen = 1;
            continue;
        }
        if (watched[0].revents & POLLNVAL) {
            errno = EBADF;
            return -1;
        }
        if ((watched[0].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
            continue;
        }
        ssize_t got = read(STDIN_FILENO, bytes + count, 1);
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return -1;
        }
        if (got == 0) {
            return 0;
        }
        count += 1;
        for (;;) {
            mbstate_t state;
            memset(&state, 0, sizeof state);
            size_t used = mbrtowc(character, bytes, count, &state);
            if (used == (size_t)-2) {
                if (count >= sizeof bytes) {
                    count = 0; /* too long to be a character: drop it */
                }
                break; /* incomplete: read another byte */
            }
            if (used == (size_t)-1) {
                /* Invalid: drop it, but the last byte may start the next character. */
                if (count > 1) {
                    bytes[0] = bytes[count - 1];
                    count = 1;
                    continue;
                }
                count = 0;
                break;
            }
            return 1;
        }
    }
}

cel_read_status cel_read_line(cel_editor *editor, const char **line, int *length) {
    int count = 0;
    drain_interrupt_pipe();
    interrupt_seen = 0;
    __atomic_store_n(&reading, 1, __ATOMIC_SEQ_CST);
    errno = 0; /* a stale EINTR must not turn Ctrl-D into Ctrl-C */
    const char *text = el_gets(editor->el, &count);
    int read_errno = errno;
    __atomic_store_n(&reading, 0, __ATOMIC_SEQ_CST);

    if (text != NULL && count > 0) {
        *line = text;
        *length = count;
        return CEL_READ_LINE;
    }
    *line = NULL;
    *length = 0;
    if (interrupt_seen) {
        return CEL_READ_INTERRUPTED;
    }
    if (count == 0) {
        return CEL_READ_END;
    }
    if (read_errno == EINTR) {
        return CEL_READ_INTERRUPTED;
    }
    return CEL_READ_ERROR;
}
