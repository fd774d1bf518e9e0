#pragma once

#include "KeyedRows.h"
#include "gateway/GatewayTypes.h"

#include <QAbstractTableModel>

// The groups of the contact shown in the detail pane: name, JID, tag, role, last seen. Fed
// from the cache's detail, then from a live getContact.
class ContactGroupsModel : public KeyedRowsModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Jid,
        Tag,
        Role,
        LastSeen,
        ColumnCount
    };
    enum Roles {
        GroupJidRole = Qt::UserRole + 1
    };

    explicit ContactGroupsModel(QObject *parent = nullptr);

    void setGroups(const QList<ContactGroup> &groups); // a reset: another contact
    // The same contact's groups again: the difference by JID, no reset.
    void updateGroups(const QList<ContactGroup> &groups);
    QList<ContactGroup> groups() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ContactGroup> m_rows;
};
