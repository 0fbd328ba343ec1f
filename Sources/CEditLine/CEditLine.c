/*
 * Non-variadic wrappers over libedit for the qrepl line editor, and the SIGINT handler.
 * See include/CEditLine.h for what each function promises.
 */

#include "CEditLine.h"

#include <errno.h>
#include <histedit.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

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

/* Set by the handler; read and cleared by the host between reads and evaluations. */
static volatile sig_atomic_t interrupt_seen = 0;
/* Interrupts that arrived while no read was in progress and nobody acknowledged. */
static volatile sig_atomic_t unacknowledged_interrupts = 0;
/* Nonzero while some thread is inside el_gets; that thread is `reader`. */
static volatile sig_atomic_t reading = 0;
static pthread_t reader;
/* Where the host wants cancellation requests stored (IsingCore.Cancellation). */
static int32_t *volatile cancel_flag = NULL;

static void on_sigint(int signal_number) {
    int saved_errno = errno;
    if (__atomic_load_n(&reading, __ATOMIC_SEQ_CST) && !pthread_equal(pthread_self(), reader)) {
        /* The read must be the one interrupted, or el_gets would go on waiting. */
        pthread_kill(reader, signal_number);
        errno = saved_errno;
        return;
    }
    interrupt_seen = 1;
    int32_t *flag = cancel_flag;
    if (flag != NULL) {
        __atomic_store_n(flag, 1, __ATOMIC_SEQ_CST);
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

int cel_install_sigint_handler(int32_t *flag) {
    cancel_flag = flag;
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

cel_read_status cel_read_line(cel_editor *editor, const char **line, int *length) {
    int count = 0;
    reader = pthread_self();
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
