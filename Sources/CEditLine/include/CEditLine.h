#ifndef CEDITLINE_H
#define CEDITLINE_H

/*
 * A small, non-variadic face for libedit, so that Swift can drive it.
 *
 * libedit's el_set/el_get/history are variadic and cannot be called from Swift, and
 * its el_init wants the C stdio globals, which Swift 6 refuses to touch. Everything
 * that needs either lives in CEditLine.c; this header exposes only plain functions
 * over an opaque editor handle, plus the SIGINT plumbing the REPL needs.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One line editor on the process's stdin/stdout/stderr, with its own history. */
typedef struct cel_editor cel_editor;

/** What cel_read_line produced. */
typedef enum {
    /** A line was read; the out-parameters hold it (trailing newline included, if any). */
    CEL_READ_LINE = 0,
    /** End of input (Ctrl-D on an empty line, or the input closed). */
    CEL_READ_END = 1,
    /** The read was interrupted by a signal, normally Ctrl-C. */
    CEL_READ_INTERRUPTED = 2,
    /** The terminal failed (for example it hung up); treat as end of input. */
    CEL_READ_ERROR = 3
} cel_read_status;

/** What a completion callback asks the editor to do after it has run. */
typedef enum {
    /** Nothing could be done; ring the bell. */
    CEL_COMPLETION_BEEP = 0,
    /** The line changed; redraw it. */
    CEL_COMPLETION_REFRESH = 1,
    /** Text was printed below the line; redraw the prompt and the line on a fresh row. */
    CEL_COMPLETION_REDISPLAY = 2
} cel_completion_result;

/**
 * Called when Tab is pressed. `editor` is the editor the key was typed in, `context`
 * the pointer given to cel_set_completer. Returns a cel_completion_result.
 */
typedef int (*cel_completion_fn)(cel_editor *editor, void *context);

/** The byte that brackets non-printing sequences (colour escapes) inside a prompt. */
#define CEL_PROMPT_ESCAPE '\001'

/**
 * Opens an editor on stdin/stdout/stderr: emacs key bindings, Ctrl-R incremental
 * history search, Tab bound to the completion callback, libedit's own signal handling
 * (terminal restored on stop/continue, window resizes followed), then ~/.editrc.
 * Sets LC_CTYPE from the environment first so UTF-8 input survives.
 * Returns NULL when libedit cannot be initialised.
 */
cel_editor *cel_open(const char *program_name, int history_size);

/** Restores the terminal and frees the editor and its history. NULL is ignored. */
void cel_close(cel_editor *editor);

/**
 * Sets the prompt shown by the next reads. The text is copied. Non-printing sequences
 * must be bracketed by CEL_PROMPT_ESCAPE so that libedit does not count them as columns.
 * Returns 0, or -1 when out of memory (the previous prompt stays).
 */
int cel_set_prompt(cel_editor *editor, const char *prompt);

/** Installs (or, with NULL, removes) the Tab completion callback. */
void cel_set_completer(cel_editor *editor, cel_completion_fn callback, void *context);

/**
 * Reads one line with editing. On CEL_READ_LINE, *line points at libedit's buffer
 * (valid until the next call) and *length is its byte count.
 */
cel_read_status cel_read_line(cel_editor *editor, const char **line, int *length);

/**
 * The line being edited, for completion callbacks: returns its bytes (not
 * NUL-terminated), stores its byte length in *length and the cursor's byte offset in *cursor.
 */
const char *cel_current_line(cel_editor *editor, int *length, int *cursor);

/** Inserts UTF-8 text at the cursor. Returns 0, or -1 when it does not fit. */
int cel_insert(cel_editor *editor, const char *text);

/** Deletes `count` characters before the cursor. */
void cel_delete_before_cursor(cel_editor *editor, int count);

/** Writes text to the editor's output stream and flushes it (for listing candidates). */
void cel_print(cel_editor *editor, const char *text);

/** The terminal's width in columns, or 80 when it cannot be told. */
int cel_terminal_columns(cel_editor *editor);

/** Binds a key sequence (libedit notation, e.g. "^R" or "\\e[1;5D") to an editor command. */
int cel_bind(cel_editor *editor, const char *keys, const char *command);

/** Appends a line to the history (consecutive duplicates are dropped). Returns 0 or -1. */
int cel_history_add(cel_editor *editor, const char *line);

/** Loads history from a file written by cel_history_save. Returns the entry count or -1. */
int cel_history_load(cel_editor *editor, const char *path);

/** Writes the history to a file (created with mode 0600). Returns the entry count or -1. */
int cel_history_save(cel_editor *editor, const char *path);

/* ---- SIGINT ----------------------------------------------------------------------- */

/**
 * Installs the process's SIGINT handler (sigaction, no SA_RESTART). The handler stores 1
 * into *cancel_flag (which may be NULL), remembers that an interrupt arrived, and wakes
 * a cel_read_line in progress on any thread, which then returns CEL_READ_INTERRUPTED.
 * If three interrupts in a row go unacknowledged while no line is being read (a
 * computation that never checks the flag), the process exits with status 130.
 * Returns 0, or -1 with errno set.
 */
int cel_install_sigint_handler(int32_t *cancel_flag);

/** 1 when an interrupt arrived since the last cel_acknowledge_interrupt, else 0. */
int cel_interrupt_pending(void);

/** Forgets the interrupts seen so far (call once an interruption has been handled). */
void cel_acknowledge_interrupt(void);

/** Blocks (block != 0) or unblocks SIGINT for the calling thread only. Returns 0 or an errno. */
int cel_block_sigint_in_this_thread(int block);

#ifdef __cplusplus
}
#endif

#endif
