#pragma once

#include <initializer_list>

class QHeaderView;
class QTableView;

// The console's tables: fixed row heights (never ResizeToContents: a million rows must not be
// measured), row selection, alternating colours, no word wrap.
namespace TableSetup {
void apply(QTableView *view);

// First column widths: each the given width, or wider when its title needs it (titles are
// longer in some languages; a cut title hides what the column is).
void setInitialWidths(QHeaderView *header, std::initializer_list<int> widths);
} // namespace TableSetup
