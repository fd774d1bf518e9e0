#include "AuditDialog.h"

#include "DisplayText.h"
#include "TableSetup.h"
#include "cache/AuditLog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

AuditDialog::AuditDialog(AuditLog *log, QWidget *parent)
    : QDialog(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("auditDialog"));
    setWindowTitle(tr("Audit log"));
    m_model = new QStandardItemModel(0, 8, this);
    m_model->setHorizontalHeaderLabels({tr("When"), tr("Profile"), tr("Session"), tr("Contact"),
                                        tr("Action"), tr("Result"), tr("Request id"),
                                        tr("Origin")});
    m_view = new QTableView(this);
    m_view->setAccessibleName(tr("Audit entries"));
    TableSetup::apply(m_view);
    m_view->setModel(m_model);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    connect(exportButton, &QPushButton::clicked, this, &AuditDialog::askExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(900, 420);
    reload();
}

void AuditDialog::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    AuditLog::Query q;
    q.limit = 1000;
    const auto entries = m_log->list(q);
    if (!entries)
        return;
    for (const AuditEntry &e : *entries) {
        QList<QStandardItem *> row;
        for (const QString &text :
             {DisplayText::dateTime(e.at), e.profile, e.sessionId, e.contact, e.action, e.result,
              e.requestId, AuditLog::originName(e.origin)}) {
            auto *item = new QStandardItem(text);
            item->setEditable(false);
            row << item;
        }
        m_model->appendRow(row);
    }
    m_view->resizeColumnsToContents(); // at most 1,000 rows and 8 columns
}

bool AuditDialog::exportTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const auto format = path.endsWith(QLatin1String(".jsonl")) ? AuditLog::Format::JsonLines
                                                               : AuditLog::Format::Csv;
    if (!m_log->exportTo(&file, format) || !file.commit()) {
        if (error)
            *error = m_log->lastError().isEmpty() ? file.errorString() : m_log->lastError();
        return false;
    }
    return true;
}

void AuditDialog::askExport()
{
    auto *dialog = new QFileDialog(this, tr("Export audit log"), QString(),
                                   tr("CSV (*.csv);;JSON Lines (*.jsonl)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!exportTo(path, &error))
            QMessageBox::warning(this, tr("Export failed"),
                                 tr("The audit log was not exported: %1").arg(error));
    });
    dialog->open();
}
