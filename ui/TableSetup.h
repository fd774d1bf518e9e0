#pragma once

class QTableView;

// The console's tables: fixed row heights (never ResizeToContents: a million rows must not be
// measured), row selection, alternating colours, no word wrap.
namespace TableSetup {
void apply(QTableView *view);
}
