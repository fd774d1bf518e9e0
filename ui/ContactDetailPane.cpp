#include "ContactDetailPane.h"

#include "ContactDetailModel.h"
#include "ContactGroupsModel.h"
#include "DisplayText.h"
#include "TableSetup.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

ContactDetailPane::ContactDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("contactDetail"));
    // Built in reading order: the creation order is the default tab order.
    buildTitle();
    buildForm();
    QHBoxLayout *buttons = buildButtons();
    buildResultBanner();
    QLabel *groupsTitle = buildGroupsView();
    layOut(buttons, groupsTitle);
    clear();
}

void ContactDetailPane::buildTitle()
{
    m_title = new QLabel(tr("No contact selected"), this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
}

void ContactDetailPane::buildForm()
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = addField(tr("Name"), QStringLiteral("detailName"));
    m_phone = addField(tr("Phone"), QStringLiteral("detailPhone"));
    m_phoneJid = addField(tr("Phone JID"), QStringLiteral("detailPhoneJid"));
    m_lidLabel = addField(tr("LID"), QStringLiteral("detailLid"));
    m_business = addField(tr("Business"), QStringLiteral("detailBusiness"));
    m_dm = addField(tr("Direct chat"), QStringLiteral("detailDm"));
    m_firstSeen = addField(tr("First seen"), QStringLiteral("detailFirstSeen"));
    m_updated = addField(tr("Updated"), QStringLiteral("detailUpdated"));
    m_fresh = addField(tr("Freshness"), QStringLiteral("detailFreshness"));
}

QHBoxLayout *ContactDetailPane::buildButtons()
{
    m_unblock = new QPushButton(tr("&Unblock"), this);
    m_unblock->setObjectName(QStringLiteral("unblockButton"));
    m_unblock->setToolTip(tr("Unblock this contact on the selected session (Ctrl+U)"));
    m_block = new QPushButton(tr("&Block…"), this);
    m_block->setObjectName(QStringLiteral("blockButton"));
    connect(m_unblock, &QPushButton::clicked, this, &ContactDetailPane::unblockRequested);
    connect(m_block, &QPushButton::clicked, this, &ContactDetailPane::blockRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_unblock);
    buttons->addWidget(m_block);
    buttons->addStretch(1);
    return buttons;
}

void ContactDetailPane::buildResultBanner()
{
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("actionResult"));
    m_result->setWordWrap(true);
    m_result->setAccessibleName(tr("Result of the last action"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
}

QLabel *ContactDetailPane::buildGroupsView()
{
    auto *groupsTitle = new QLabel(tr("Seen in groups"), this);
    m_groupsView = new QTableView(this);
    m_groupsView->setObjectName(QStringLiteral("detailGroupsView"));
    m_groupsView->setAccessibleName(tr("Groups this contact was seen in"));
    TableSetup::apply(m_groupsView);
    TableSetup::setInitialWidths(m_groupsView->horizontalHeader(), {140, 100, 100, 60, 110});
    connect(m_groupsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT groupActivated(index.data(ContactGroupsModel::GroupJidRole).toString());
    });
    return groupsTitle;
}

void ContactDetailPane::layOut(QHBoxLayout *buttons, QLabel *groupsTitle)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(groupsTitle);
    layout->addWidget(m_groupsView, 1);
}

QLabel *ContactDetailPane::addField(const QString &label, const QString &name)
{
    auto *value = new QLabel(this);
    value->setObjectName(name);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setAccessibleName(label);
    m_form->addRow(label + QLatin1Char(':'), value);
    return value;
}

void ContactDetailPane::setModel(ContactDetailModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_groupsView->setModel(model ? model->groups() : nullptr);
    if (model)
        connect(model, &ContactDetailModel::changed, this, &ContactDetailPane::render);
    render();
}

ContactGroupsModel *ContactDetailPane::groupsModel() const
{
    return m_model ? m_model->groups() : nullptr;
}

QString ContactDetailPane::sessionId() const
{
    return m_model ? m_model->sessionId() : QString();
}

QString ContactDetailPane::lid() const
{
    return m_model ? m_model->lid() : QString();
}

void ContactDetailPane::clear()
{
    if (m_model)
        m_model->clear(); // render() follows
    else
        render();
}

void ContactDetailPane::showContact(const QString &sessionId, const QString &lid)
{
    if (m_model && (sessionId != m_model->sessionId() || lid != m_model->lid())) {
        m_result->clear();
        m_result->hide();
        m_model->show(sessionId, lid);
    }
}

QString ContactDetailPane::displayName() const
{
    const auto &c = m_model ? m_model->contact() : std::nullopt;
    return c ? c->contact.name.value_or(QString()) : QString();
}

QString ContactDetailPane::phone() const
{
    const auto &c = m_model ? m_model->contact() : std::nullopt;
    return c ? c->contact.phoneNumber.value_or(QString()) : QString();
}

QString ContactDetailPane::phoneJid() const
{
    const auto &c = m_model ? m_model->contact() : std::nullopt;
    return c ? c->phoneJid.value_or(QString()) : QString();
}

void ContactDetailPane::clearFields()
{
    m_title->setText(tr("No contact selected"));
    for (QLabel *l : {m_name, m_phone, m_phoneJid, m_lidLabel, m_business, m_dm, m_firstSeen,
                      m_updated, m_fresh})
        l->clear();
    m_dm->setStyleSheet(QString());
    m_unblock->setEnabled(false);
    m_block->setEnabled(false);
    m_result->clear();
    m_result->hide();
}

void ContactDetailPane::render()
{
    const std::optional<CachedContact> none;
    const std::optional<CachedContact> &contact = m_model ? m_model->contact() : none;
    if (!contact) {
        clearFields();
        return;
    }
    const CachedContact &c = *contact;
    // Unblock is always offered: there is no "is blocked" field to decide by.
    m_unblock->setEnabled(true);
    m_block->setEnabled(true);
    const QString dash = QStringLiteral("—");
    const QString name = c.contact.name.value_or(QString());
    m_title->setText(name.isEmpty() ? c.contact.lid : name);
    m_name->setText(name.isEmpty() ? dash : name);
    m_phone->setText(c.contact.phoneNumber.value_or(tr("hidden")));
    m_phoneJid->setText(c.phoneJid.value_or(dash));
    m_lidLabel->setText(c.contact.lid);
    m_business->setText(c.contact.businessName.value_or(dash));
    const bool hasDm = m_model->hasDm();
    m_dm->setText(hasDm ? tr("Has DM") : tr("No DM (seen in groups only)"));
    m_dm->setStyleSheet(hasDm ? QStringLiteral("QLabel { background: #d7f0dc; color: #1d5e2c; "
                                               "border-radius: 3px; padding: 1px 6px; }")
                              : QString());
    m_firstSeen->setText(c.firstSeenAt ? DisplayText::dateTime(*c.firstSeenAt) : dash);
    m_updated->setText(c.updatedAt ? DisplayText::dateTime(*c.updatedAt) : dash);
    const qint64 synced = c.detailSyncedAt.value_or(c.syncedAt);
    if (m_model->freshness() == ContactDetailModel::Freshness::Live)
        m_fresh->setText(tr("live from the gateway"));
    else
        m_fresh->setText(
            synced > 0
                ? tr("synced %1").arg(DisplayText::ago(synced, QDateTime::currentMSecsSinceEpoch()))
                : tr("not in the cache"));
}

void ContactDetailPane::setBusy(bool busy, const QString &text)
{
    m_unblock->setEnabled(!busy && !lid().isEmpty());
    m_block->setEnabled(!busy && !lid().isEmpty());
    if (busy) {
        m_result->setStyleSheet(
            QStringLiteral("QLabel { background: #eef1f5; color: #1f2933; padding: 6px; "
                           "border-radius: 4px; }"));
        m_result->setText(text);
        m_result->show();
    }
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void ContactDetailPane::showResult(bool ok, const QString &message)
{
    m_result->setStyleSheet(
        ok ? QStringLiteral("QLabel { background: #d7f0dc; color: #1d5e2c; "
                            "padding: 6px; border-radius: 4px; font-weight: bold; }")
           : QStringLiteral("QLabel { background: #f8d9d6; color: #7a1f17; "
                            "padding: 6px; border-radius: 4px; font-weight: bold; }"));
    m_result->setText(message);
    m_result->show();
}
