#pragma once

#include "cache/CacheTypes.h"

#include <QTimer>
#include <QWidget>

class ContactsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

// The Contacts tab: search box (filters as you type, debounced), "found in" filter, the row
// count ("12,345 of 1,000,000") and the table. Sorting goes to the model (the reader's
// orders); the selection follows the same contact across refreshes.
class ContactsPane : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPane(QWidget *parent = nullptr);

    void setModel(ContactsModel *model);
    void setSession(const QString &sessionId);
    // Groups offered in "found in" (JID, subject).
    void setGroups(const QList<QPair<QString, QString>> &groups);
    void showGroupMembers(const QString &groupJid);

    QString currentLid() const { return m_selectedLid; }
    void selectLid(const QString &lid);
    void focusSearch();

    QLineEdit *searchBox() const { return m_search; }
    QComboBox *sourceBox() const { return m_source; }
    QLabel *countLabel() const { return m_count; }
    QTableView *view() const { return m_view; }
    ContactsModel *model() const { return m_model; }

Q_SIGNALS:
    void currentContactChanged(const QString &lid);
    void contactActivated(const QString &lid);
    void contextMenuRequested(const QPoint &globalPos);

private:
    void buildFilterBar();
    void buildView();
    void layOut();
    void connectFilter();
    void connectView();
    void onContextMenuRequested(const QPoint &pos);
    void onHeaderClicked(int column);
    void applyFilter();
    void updateCount();
    void onCurrentChanged();
    void restoreSelection();

    QLineEdit *m_search;
    QComboBox *m_source;
    QLabel *m_count;
    QTableView *m_view;
    QTimer m_debounce;
    ContactsModel *m_model = nullptr;
    QString m_session;
    QString m_selectedLid;
};
