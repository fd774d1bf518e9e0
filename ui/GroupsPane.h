#pragma once

#include <QWidget>

class GroupMembersModel;
class GroupsModel;
class QLabel;
class QSplitter;
class QTableView;

// The Groups tab: the session's groups; selecting one shows its members with tag and role;
// double-clicking a member opens the contact.
class GroupsPane : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsPane(QWidget *parent = nullptr);

    void setModels(GroupsModel *groups, GroupMembersModel *members);
    void selectGroup(const QString &groupJid);
    QString currentGroup() const { return m_current; }

    QTableView *groupsView() const { return m_groups; }
    QTableView *membersView() const { return m_members; }
    QSplitter *splitter() const { return m_split; }

Q_SIGNALS:
    void contactActivated(const QString &lid);
    void groupChanged(const QString &groupJid);

private:
    void onCurrentChanged();

    QTableView *m_groups;
    QTableView *m_members;
    QLabel *m_membersTitle;
    QSplitter *m_split;
    GroupsModel *m_groupsModel = nullptr;
    GroupMembersModel *m_membersModel = nullptr;
    QString m_current;
};
