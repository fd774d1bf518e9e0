#include "LocalApiDialog.h"

#include "localapi/LocalApiService.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

LocalApiDialog::LocalApiDialog(LocalApiService *service, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("localApiDialog"));
    setWindowTitle(tr("Local API"));

    m_address = new QLabel(this);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setAccessibleName(tr("Local API address"));

    m_token = new QLineEdit(this);
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Local API token"));
    m_token->setMinimumWidth(m_token->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 50);
    m_show = new QPushButton(tr("&Show"), this);
    m_show->setCheckable(true);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_regenerate = new QPushButton(tr("&Regenerate…"), this);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_show);
    tokenRow->addWidget(m_copy);
    tokenRow->addWidget(m_regenerate);

    m_discovery = new QLabel(this);
    m_discovery->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_discovery->setWordWrap(true);

    auto *hint = new QLabel(tr("Local apps send the token as \"Authorization: Bearer TOKEN\". "
                               "It is not the gateway's token: that one never leaves the console."),
                            this);
    hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("Token:"), tokenRow);
    form->addRow(tr("Discovery file:"), m_discovery);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(m_show, &QPushButton::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(shown ? tr("&Hide") : tr("&Show"));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (m_service)
            QApplication::clipboard()->setText(QString::fromLatin1(m_service->token()));
    });
    connect(m_regenerate, &QPushButton::clicked, this, &LocalApiDialog::askRegenerate);
    setService(service);
}

void LocalApiDialog::setService(LocalApiService *service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_failure.clear();
    if (service) {
        connect(service, &LocalApiService::listening, this, &LocalApiDialog::refresh);
        connect(service, &LocalApiService::tokenChanged, this, &LocalApiDialog::refresh);
        connect(service, &LocalApiService::failed, this, [this](const QString &reason) {
            m_failure = reason;
            refresh();
        });
    }
    refresh();
}

void LocalApiDialog::refresh()
{
    const bool running = m_service && m_service->isListening();
    if (running)
        m_address->setText(m_service->url().toString());
    else if (!m_failure.isEmpty())
        m_address->setText(tr("Not running: %1").arg(m_failure));
    else if (m_service)
        m_address->setText(tr("Starting…"));
    else
        m_address->setText(tr("Not running: sign in to a profile first"));
    m_token->setText(m_service ? QString::fromLatin1(m_service->token()) : QString());
    m_discovery->setText(m_service ? m_service->discoveryFilePath() : QString());
    m_copy->setEnabled(m_service && !m_service->token().isEmpty());
    m_regenerate->setEnabled(running);
}

void LocalApiDialog::askRegenerate()
{
    auto *confirm = new QMessageBox(
        QMessageBox::Warning, tr("Regenerate the local API token?"),
        tr("Every local app using the current token will be refused until "
           "it is given the new one."),
        QMessageBox::NoButton, this);
    confirm->setObjectName(QStringLiteral("regenerateConfirmation"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = confirm->addButton(tr("&Regenerate"), QMessageBox::DestructiveRole);
    confirm->addButton(QMessageBox::Cancel);
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton *clicked) {
        if (clicked == yes && m_service)
            m_service->regenerateToken();
    });
    confirm->open();
}
