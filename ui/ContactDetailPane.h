#pragma once

#include "cache/CacheTypes.h"
#include "gateway/GatewayClient.h"

#include <QPointer>
#include <QWidget>

class CacheReader;
class ContactGroupsModel;
class GatewayClient;
class QLabel;
class QPushButton;
class QTableView;

// The contact detail: identity fields, Has-DM badge, freshness, the groups they were seen in
// (tag and role), Block / Unblock with a busy state and a result banner. Shows the cache at
// once, then getContact's live answer when the gateway answers.
class ContactDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit ContactDetailPane(QWidget *parent = nullptr);

    void setReader(CacheReader *reader) { m_reader = reader; }
    void setClient(GatewayClient *client) { m_client = client; }
    void showContact(const QString &sessionId, const QString &lid);
    void clear();

    QString sessionId() const { return m_session; }
    QString lid() const { return m_lid; }
    QString displayName() const;
    QString phone() const;
    QString phoneJid() const;

    void setBusy(bool busy, const QString &text);
    void showResult(bool ok, const QString &message);

    QPushButton *unblockButton() const { return m_unblock; }
    QPushButton *blockButton() const { return m_block; }
    QLabel *resultLabel() const { return m_result; }
    QTableView *groupsView() const { return m_groupsView; }
    ContactGroupsModel *groupsModel() const { return m_groups; }

Q_SIGNALS:
    void blockRequested();
    void unblockRequested();
    void groupActivated(const QString &groupJid);
    // The live getContact answered (true) or the gateway could not be reached (false).
    void reachabilityChanged(bool reachable);

private:
    void fill(const CachedContact &c, bool dm);
    void fetchLive();
    QLabel *addField(const QString &label, const QString &name);

    CacheReader *m_reader = nullptr;
    QPointer<GatewayClient> m_client;
    QString m_session;
    QString m_lid;
    std::optional<CachedContact> m_contact;

    QLabel *m_title;
    QLabel *m_name, *m_phone, *m_phoneJid, *m_lidLabel, *m_business, *m_dm, *m_firstSeen,
        *m_updated, *m_fresh;
    QPushButton *m_unblock;
    QPushButton *m_block;
    QLabel *m_result;
    QTableView *m_groupsView;
    ContactGroupsModel *m_groups;
    class QFormLayout *m_form;
};
