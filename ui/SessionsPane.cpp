#include "SessionsPane.h"

#include "SessionsModel.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

SessionsPane::SessionsPane(QWidget *parent)
    : QWidget(parent)
{
    m_profile = new QLabel(this);
    m_profile->setObjectName(QStringLiteral("profileLabel"));
    QFont bold = m_profile->font();
    bold.setBold(true);
    m_profile->setFont(bold);

    auto *heading = new QLabel(tr("&Sessions"), this);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("sessionsView"));
    m_view->setAccessibleName(tr("Sessions"));
    m_view->setUniformItemSizes(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    heading->setBuddy(m_view);

    m_syncState = new QLabel(this);
    m_syncState->setObjectName(QStringLiteral("syncStateLabel"));
    m_syncState->setWordWrap(true);
    m_sync = new QPushButton(tr("Sync now"), this);
    m_sync->setObjectName(QStringLiteral("syncButton"));
    m_sync->setToolTip(tr("Fetch this session's contacts, groups and members (Ctrl+R)"));
    connect(m_sync, &QPushButton::clicked, this, &SessionsPane::syncRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_profile);
    layout->addWidget(heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_syncState);
    layout->addWidget(m_sync);
    setProfile(QString());
}

void SessionsPane::setProfile(const QString &profile)
{
    m_profile->setText(profile.isEmpty() ? tr("Not signed in") : tr("Profile: %1").arg(profile));
}

void SessionsPane::setModel(SessionsModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_view->setModel(model);
    if (!model)
        return;
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SessionsPane::onCurrentChanged);
    // A refresh changes rows in place (the selection stays on its session); the first
    // sessions to arrive in an empty list get one selected.
    const auto selectFirst = [this] {
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0));
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, selectFirst);
    connect(model, &QAbstractItemModel::modelReset, this, selectFirst);
    selectFirst();
}

QString SessionsPane::currentSession() const
{
    return m_current;
}

bool SessionsPane::currentConnected() const
{
    return m_view->currentIndex().data(SessionsModel::ConnectedRole).toBool();
}

void SessionsPane::selectSession(const QString &sessionId)
{
    if (!m_model)
        return;
    const int row = m_model->rowOfSession(sessionId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

void SessionsPane::setSyncText(const QString &text)
{
    m_syncState->setText(text);
}
void SessionsPane::setSyncEnabled(bool enabled)
{
    m_sync->setEnabled(enabled);
}

void SessionsPane::onCurrentChanged()
{
    const QString id = m_view->currentIndex().data(SessionsModel::SessionIdRole).toString();
    if (id == m_current)
        return;
    m_current = id;
    Q_EMIT sessionChanged(id);
}
