#include "TableSetup.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

namespace TableSetup {

void apply(QTableView *view)
{
    QHeaderView *rows = view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(view->fontMetrics().height() + 8);
    rows->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
}

void setInitialWidths(QHeaderView *header, std::initializer_list<int> widths)
{
    int column = 0;
    for (int width : widths) {
        header->resizeSection(column, qMax(width, header->sectionSizeHint(column)));
        ++column;
    }
}

} // namespace TableSetup
