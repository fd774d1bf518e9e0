#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class SessionsModel;

// Left pane: the signed-in profile, its sessions with status badges, the selected session's
// sync state and "Sync now".
class SessionsPane : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPane(QWidget *parent = nullptr);

    void setProfile(const QString &profile);
    void setModel(SessionsModel *model);
    QString currentSession() const;
    bool currentConnected() const;
    void selectSession(const QString &sessionId);
    void setSyncText(const QString &text);
    void setSyncEnabled(bool enabled);

    QListView *view() const { return m_view; }
    QPushButton *syncButton() const { return m_sync; }

Q_SIGNALS:
    void sessionChanged(const QString &sessionId);
    void syncRequested();

private:
    void onCurrentChanged();

    QLabel *m_profile;
    QListView *m_view;
    QLabel *m_syncState;
    QPushButton *m_sync;
    SessionsModel *m_model = nullptr;
    QString m_current;
};
