#pragma once

#include "ContactDetailModel.h"

#include <QPointer>
#include <QWidget>

class ContactGroupsModel;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;

// The contact detail: identity fields, Has-DM badge, freshness, the groups they were seen in
// (tag and role), Block / Unblock with a busy state and a result banner. Renders a
// ContactDetailModel: the cache at once, then getContact's live answer.
class ContactDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit ContactDetailPane(QWidget *parent = nullptr);

    // nullptr: nothing to show (signed out). Not owned.
    void setModel(ContactDetailModel *model);
    ContactDetailModel *model() const { return m_model; }
    void showContact(const QString &sessionId, const QString &lid);
    void clear();

    QString sessionId() const;
    QString lid() const;
    QString displayName() const;
    QString phone() const;
    QString phoneJid() const;

    void setBusy(bool busy, const QString &text);
    void showResult(bool ok, const QString &message);

    QPushButton *unblockButton() const { return m_unblock; }
    QPushButton *blockButton() const { return m_block; }
    QLabel *resultLabel() const { return m_result; }
    QTableView *groupsView() const { return m_groupsView; }
    ContactGroupsModel *groupsModel() const;

Q_SIGNALS:
    void blockRequested();
    void unblockRequested();
    void groupActivated(const QString &groupJid);

private:
    void buildTitle();
    void buildForm();
    QHBoxLayout *buildButtons();
    void buildResultBanner();
    // Returns the groups heading, placed above the view by layOut().
    QLabel *buildGroupsView();
    void layOut(QHBoxLayout *buttons, QLabel *groupsTitle);
    void render();
    void clearFields();
    QLabel *addField(const QString &label, const QString &name);

    QPointer<ContactDetailModel> m_model;

    QLabel *m_title;
    QLabel *m_name, *m_phone, *m_phoneJid, *m_lidLabel, *m_business, *m_dm, *m_firstSeen,
        *m_updated, *m_fresh;
    QPushButton *m_unblock;
    QPushButton *m_block;
    QLabel *m_result;
    QTableView *m_groupsView;
    class QFormLayout *m_form;
};
