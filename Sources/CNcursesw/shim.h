#ifndef FRONTLINE_NCURSESW_SHIM_H
#define FRONTLINE_NCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config reports; without these the wide-character API
// (cchar_t, get_wch, setcchar, mvadd_wch) is not declared.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc declares wcwidth only under _XOPEN_SOURCE; the backend asks it what the terminal's
// ncurses will think of a character.
extern int wcwidth(wchar_t c);
static inline int fl_wcwidth(wchar_t c) { return wcwidth(c); }

// Macros Swift cannot import, as functions.
static inline attr_t fl_attr_bold(void) { return A_BOLD; }
static inline attr_t fl_attr_dim(void) { return A_DIM; }
static inline attr_t fl_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t fl_attr_reverse(void) { return A_REVERSE; }
static inline attr_t fl_attr_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return 0;
#endif
}
static inline attr_t fl_attr_normal(void) { return A_NORMAL; }
static inline int fl_key_f(int n) { return KEY_F(n); }
static inline int fl_lines(void) { return LINES; }
static inline int fl_cols(void) { return COLS; }
static inline WINDOW *fl_stdscr(void) { return stdscr; }
static inline int fl_colors(void) { return COLORS; }
static inline int fl_color_pairs(void) { return COLOR_PAIRS; }

/// Writes one cell (a grapheme as up to 8 wide chars) with attributes and a colour pair.
static inline int fl_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t c;
    // The int passed through `opts` carries pair numbers above 32767 (extended pairs).
    if (setcchar(&c, wch, attrs, 0, (void *)&pair) != OK) {
        return ERR;
    }
    return mvadd_wch(y, x, &c);
}
#endif
