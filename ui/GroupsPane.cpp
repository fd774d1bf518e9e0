#include "GroupsPane.h"

#include "GroupMembersModel.h"
#include "GroupsModel.h"
#include "TableSetup.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

GroupsPane::GroupsPane(QWidget *parent)
    : QWidget(parent)
{
    m_groups = new QTableView(this);
    m_groups->setObjectName(QStringLiteral("groupsView"));
    m_groups->setAccessibleName(tr("Groups"));
    TableSetup::apply(m_groups);

    auto *membersBox = new QWidget(this);
    m_membersTitle = new QLabel(tr("Members"), membersBox);
    m_members = new QTableView(membersBox);
    m_members->setObjectName(QStringLiteral("membersView"));
    m_members->setAccessibleName(tr("Group members"));
    TableSetup::apply(m_members);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    membersLayout->addWidget(m_membersTitle);
    membersLayout->addWidget(m_members, 1);

    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(QStringLiteral("groupsSplitter"));
    m_split->addWidget(m_groups);
    m_split->addWidget(membersBox);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_split);

    connect(m_members, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT contactActivated(index.data(GroupMembersModel::LidRole).toString());
    });
}

void GroupsPane::setModels(GroupsModel *groups, GroupMembersModel *members)
{
    m_groupsModel = groups;
    m_membersModel = members;
    m_groups->setModel(groups);
    m_members->setModel(members);
    if (!groups)
        return;
    // A refresh changes rows in place: the selected group stays selected by itself.
    connect(m_groups->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &GroupsPane::onCurrentChanged);
}

void GroupsPane::selectGroup(const QString &groupJid)
{
    if (!m_groupsModel)
        return;
    const int row = m_groupsModel->rowOfGroup(groupJid);
    if (row < 0)
        return;
    m_groups->setCurrentIndex(m_groupsModel->index(row, 0));
    m_groups->scrollTo(m_groups->currentIndex());
}

void GroupsPane::onCurrentChanged()
{
    const QModelIndex index = m_groups->currentIndex();
    const QString jid = index.data(GroupsModel::GroupJidRole).toString();
    if (jid == m_current)
        return;
    m_current = jid;
    const auto group = m_groupsModel->groupAt(index.row());
    m_membersTitle->setText(group ? tr("Members of %1").arg(group->group.subject.value_or(jid))
                                  : tr("Members"));
    m_membersModel->setGroup(m_groupsModel->sessionId(), jid);
    Q_EMIT groupChanged(jid);
}
