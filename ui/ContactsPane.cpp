#include "ContactsPane.h"

#include "ContactsModel.h"
#include "DisplayText.h"
#include "TableSetup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace {
constexpr int kDebounceMs = 150;
enum SourceChoice {
    AllSources,
    DmOnly,
    GroupsOnly,
    FirstGroup
};
} // namespace

ContactsPane::ContactsPane(QWidget *parent)
    : QWidget(parent)
{
    buildFilterBar();
    buildView();
    layOut();
    connectFilter();
    connectView();
}

void ContactsPane::buildFilterBar()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search name, phone, LID, business name or tag (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setClearButtonEnabled(true);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_source->setAccessibleName(tr("Found in"));
    m_source->addItem(tr("Found anywhere"));
    m_source->addItem(tr("Direct chats"));
    m_source->addItem(tr("Groups"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(16);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("contactCount"));
    m_count->setAccessibleName(tr("Contacts shown"));
}

void ContactsPane::buildView()
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("contactsView"));
    m_view->setAccessibleName(tr("Contacts"));
    TableSetup::apply(m_view);
    m_view->setSortingEnabled(false); // the header drives the model's own sort, see onHeaderClicked
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
}

void ContactsPane::layOut()
{
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_source);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setTabOrder(m_search, m_source);
    setTabOrder(m_source, m_view);
}

void ContactsPane::connectFilter()
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ContactsPane::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        applyFilter();
    });
    connect(m_source, &QComboBox::currentIndexChanged, this, &ContactsPane::applyFilter);
}

void ContactsPane::connectView()
{
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT contactActivated(index.data(ContactsModel::LidRole).toString());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &ContactsPane::onContextMenuRequested);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this,
            &ContactsPane::onHeaderClicked);
}

void ContactsPane::onContextMenuRequested(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
}

void ContactsPane::onHeaderClicked(int column)
{
    if (!m_model)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    const ContactFilter f = m_model->filter();
    const int current = ContactsModel::columnOf(f.sort).value_or(ContactsModel::Name);
    if (!ContactsModel::isSortable(column)) {
        header->setSortIndicator(current, f.order);
        return;
    }
    const Qt::SortOrder order = column == current && f.order == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    header->setSortIndicator(column, order);
    m_model->sort(column, order);
    restoreSelection();
}

void ContactsPane::setModel(ContactsModel *model)
{
    m_model = model;
    m_view->setModel(model);
    if (!model)
        return;
    const ContactFilter f = model->filter();
    m_view->horizontalHeader()->setSortIndicator(
        ContactsModel::columnOf(f.sort).value_or(ContactsModel::Name), f.order);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ContactsPane::onCurrentChanged);
    connect(model, &ContactsModel::countChanged, this, [this] {
        updateCount();
        restoreSelection();
    });
    connect(model, &ContactsModel::totalChanged, this, &ContactsPane::updateCount);
    // Sensible first widths (the saved header state wins once there is one).
    QHeaderView *header = m_view->horizontalHeader();
    if (header->sectionSize(ContactsModel::Name) == header->defaultSectionSize()) {
        TableSetup::setInitialWidths(header, {190, 150, 190, 130, 90, 60, 130, 130});
    }
    updateCount();
}

void ContactsPane::setSession(const QString &sessionId)
{
    m_session = sessionId;
    m_selectedLid.clear();
    applyFilter();
}

void ContactsPane::setGroups(const QList<QPair<QString, QString>> &groups)
{
    const QSignalBlocker block(m_source);
    const QString keep = m_source->currentData().toString();
    while (m_source->count() > FirstGroup)
        m_source->removeItem(FirstGroup);
    if (!groups.isEmpty())
        m_source->insertSeparator(FirstGroup);
    for (const auto &g : groups)
        m_source->addItem(tr("In group: %1").arg(g.second.isEmpty() ? g.first : g.second), g.first);
    if (!keep.isEmpty()) {
        const int i = m_source->findData(keep);
        m_source->setCurrentIndex(i >= 0 ? i : AllSources);
    }
}

void ContactsPane::showGroupMembers(const QString &groupJid)
{
    const int i = m_source->findData(groupJid);
    if (i >= 0)
        m_source->setCurrentIndex(i);
}

void ContactsPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ContactsPane::applyFilter()
{
    if (!m_model)
        return;
    ContactFilter f = m_model->filter();
    f.sessionId = m_session;
    f.text = m_search->text().trimmed();
    f.groupJid.clear();
    const int choice = m_source->currentIndex();
    f.source = choice == DmOnly ? ContactSource::Dm
        : choice == GroupsOnly  ? ContactSource::Group
                                : ContactSource::Any;
    if (choice >= FirstGroup)
        f.groupJid = m_source->currentData().toString();
    m_model->setFilter(f);
    restoreSelection();
}

void ContactsPane::updateCount()
{
    if (!m_model || m_session.isEmpty()) {
        m_count->clear();
        return;
    }
    const QString shown = DisplayText::number(m_model->count())
        + (m_model->countExact() ? QString() : QStringLiteral("+"));
    // The total is counted in the background: "…" until it arrives.
    const qint64 total = m_model->totalCount();
    m_count->setText(
        tr("%1 of %2").arg(shown, total < 0 ? QStringLiteral("…") : DisplayText::number(total)));
}

void ContactsPane::onCurrentChanged()
{
    const QString lid = m_view->currentIndex().data(ContactsModel::LidRole).toString();
    if (lid.isEmpty() || lid == m_selectedLid)
        return;
    m_selectedLid = lid;
    Q_EMIT currentContactChanged(lid);
}

void ContactsPane::selectLid(const QString &lid)
{
    m_selectedLid = lid;
    restoreSelection();
}

void ContactsPane::restoreSelection()
{
    if (!m_model || m_selectedLid.isEmpty())
        return;
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.data(ContactsModel::LidRole).toString() == m_selectedLid)
        return;
    const int row = m_model->rowOfLid(m_selectedLid);
    if (row < 0) {
        // Not among the rows read: leave the detail pane on it, select nothing.
        m_view->selectionModel()->clearSelection();
        return;
    }
    const QSignalBlocker block(m_view->selectionModel());
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->viewport()->update();
}
