#include "signin/SignInDialog.h"

#include "ui_SignInDialog.h"

#include "auth/CapabilityProbe.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "signin/SignInText.h"

#include <QPushButton>
#include <QRegularExpression>

SignInDialog::SignInDialog(SignInController *controller, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInDialog>())
    , m_controller(controller)
{
    m_ui->setupUi(this);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Sign in"));
    ok->setAccessibleName(tr("Sign in"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_ui->tokenEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
                                         | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    const QList<QWidget *> hiddenUntilNeeded{m_ui->messageLabel,   m_ui->urlWarningLabel,
                                             m_ui->tokenInfoLabel, m_ui->tokenWarningLabel,
                                             m_ui->errorLabel,     m_ui->memoryOnlyButton};
    for (QWidget *w : hiddenUntilNeeded)
        w->hide();

    connect(m_ui->showTokenCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->tokenEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->profileEdit, &QLineEdit::textEdited, this, &SignInDialog::onNameEdited);
    connect(m_ui->urlEdit, &QLineEdit::textChanged, this, &SignInDialog::onUrlEdited);
    connect(m_ui->tokenEdit, &QLineEdit::textChanged, this, [this] {
        ++m_inputGeneration;
        updateHints();
    });
    connect(m_ui->checkButton, &QPushButton::clicked, this, &SignInDialog::check);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_ui->memoryOnlyButton, &QPushButton::clicked, this, &SignInDialog::keepInMemory);
    updateHints();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setRequest(const QString &profile, const QString &message)
{
    QString text = message;
    if (m_controller && m_controller->isMemoryOnly())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("The keychain is not used in this run: the token is kept in memory until the "
                 "console quits, and never written to a file.");
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());

    m_ui->profileEdit->setText(profile);
    m_nameEdited = !profile.isEmpty();
    const std::optional<GatewayProfile> saved = m_controller && !profile.isEmpty()
        ? m_controller->profiles()->profile(profile)
        : std::nullopt;
    if (saved) {
        m_ui->urlEdit->setText(saved->baseUrl.toString());
        m_ui->sessionsEdit->setText(saved->sessionIds.join(QLatin1Char(' ')));
    }
    updateHints();
    if (profile.isEmpty())
        m_ui->profileEdit->setFocus();
    else if (m_ui->urlEdit->text().isEmpty())
        m_ui->urlEdit->setFocus();
    else
        m_ui->tokenEdit->setFocus();
}

QString SignInDialog::suggestedName() const
{
    const GatewayUrlCheck url = ProfileStore::checkUrl(m_ui->urlEdit->text());
    if (!url.isValid())
        return {};
    const QString host = url.url.host();
    return ProfileStore::checkName(host).isEmpty() ? host : QString();
}

void SignInDialog::onNameEdited()
{
    m_nameEdited = !m_ui->profileEdit->text().isEmpty();
    updateHints();
}

void SignInDialog::onUrlEdited()
{
    ++m_inputGeneration;
    // Until a name is typed, the gateway's host name is offered as one.
    if (!m_nameEdited)
        m_ui->profileEdit->setText(suggestedName());
    updateHints();
}

QStringList SignInDialog::sessionIds() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return m_ui->sessionsEdit->text().split(separators, Qt::SkipEmptyParts);
}

void SignInDialog::updateHints()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();

    const QString urlText = m_ui->urlEdit->text();
    const GatewayUrlCheck url = ProfileStore::checkUrl(urlText);
    QString urlWarning;
    if (!urlText.trimmed().isEmpty() && !url.isValid())
        urlWarning = url.problem;
    else if (url.insecure)
        urlWarning = tr("Warning: this is plain http to %1, which is not this machine: the token "
                        "would travel unencrypted. Use https unless the network is trusted.")
                         .arg(url.url.host());
    m_ui->urlWarningLabel->setText(urlWarning);
    m_ui->urlWarningLabel->setVisible(!urlWarning.isEmpty());

    const bool hasToken = !m_ui->tokenEdit->text().trimmed().isEmpty();
    m_token = TokenInspector::inspect(m_ui->tokenEdit->text());
    m_ui->tokenInfoLabel->setText(hasToken ? SignInText::describeToken(m_token, now) : QString());
    m_ui->tokenInfoLabel->setVisible(hasToken);
    const QString expiry = SignInText::expiryWarning(m_token, now);
    m_ui->tokenWarningLabel->setText(expiry);
    m_ui->tokenWarningLabel->setVisible(!expiry.isEmpty());

    const QString name = m_ui->profileEdit->text();
    const QString nameProblem = ProfileStore::checkName(name);
    QString problem;
    if (!name.isEmpty() && !nameProblem.isEmpty())
        problem = nameProblem;
    else if (!nameProblem.isEmpty())
        problem.clear(); // nothing typed yet: no scolding
    else if (m_controller && m_controller->profiles()->contains(name))
        problem = tr("Profile \"%1\" exists: signing in replaces its token.").arg(name);
    m_ui->errorLabel->setText(problem);
    m_ui->errorLabel->setVisible(!problem.isEmpty());

    const bool tokenUsable = m_token.isValid() && !m_token.isExpired(now);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && m_controller && nameProblem.isEmpty() && url.isValid()
                     && tokenUsable);
    m_ui->checkButton->setEnabled(!m_busy && !m_checking && url.isValid() && m_token.isValid());
}

void SignInDialog::check()
{
    const GatewayUrlCheck url = ProfileStore::checkUrl(m_ui->urlEdit->text());
    if (m_checking || !url.isValid() || !m_token.isValid())
        return;
    m_checking = true;
    const quint64 generation = m_inputGeneration;
    m_ui->checkStatusLabel->setText(tr("Asking the gateway…"));
    m_ui->reportView->clear();
    updateHints();
    if (!m_controller) {
        m_checking = false;
        return;
    }
    m_controller->checkCapabilities(
        url.url, m_token, sessionIds(), this, [this, generation](const CapabilityReport &report) {
            m_checking = false;
            if (generation != m_inputGeneration) {
                m_ui->checkStatusLabel->setText(
                    tr("The URL or token changed meanwhile: check again."));
            } else {
                showReport(report);
            }
            updateHints();
            Q_EMIT checkFinished();
        });
}

void SignInDialog::showReport(const CapabilityReport &report)
{
    m_ui->checkStatusLabel->setText(report.completed() ? tr("Checked.") : tr("Check failed."));
    m_ui->reportView->setPlainText(SignInText::capabilities(report));
}

void SignInDialog::save()
{
    const GatewayUrlCheck url = ProfileStore::checkUrl(m_ui->urlEdit->text());
    if (m_busy || !m_controller || !url.isValid())
        return;
    GatewayProfile profile;
    profile.name = m_ui->profileEdit->text();
    profile.baseUrl = url.url;
    profile.tokenKind = m_token.kind;
    profile.sessionIds = sessionIds();
    setBusy(true);
    m_controller->signIn(profile, m_ui->tokenEdit->text(), this,
                         [this](const SignInOutcome &outcome) { saved(outcome); });
}

void SignInDialog::saved(const SignInOutcome &outcome)
{
    setBusy(false);
    if (outcome.ok) {
        accept();
        return;
    }
    QString text = outcome.problem;
    const bool keychainTrouble = !outcome.keychain.isOk()
        && outcome.keychain.kind != CredentialError::Kind::NotFound;
    const bool offerMemory = keychainTrouble && m_controller && !m_controller->isMemoryOnly();
    if (offerMemory)
        text += QLatin1Char('\n')
            + tr("You can keep the token in memory for this run only: it is never written to a "
                 "file, and you will paste it again next time.");
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(true);
    m_ui->memoryOnlyButton->setVisible(offerMemory);
}

void SignInDialog::keepInMemory()
{
    if (!m_controller)
        return;
    m_controller->useMemoryOnly();
    m_ui->memoryOnlyButton->hide();
    save();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    const QList<QWidget *> inputs{m_ui->profileEdit, m_ui->urlEdit, m_ui->tokenEdit,
                                  m_ui->sessionsEdit, m_ui->memoryOnlyButton};
    for (QWidget *w : inputs)
        w->setEnabled(!busy);
    updateHints();
    if (busy) {
        m_ui->errorLabel->setText(tr("Saving the token…"));
        m_ui->errorLabel->setVisible(true);
    }
}
