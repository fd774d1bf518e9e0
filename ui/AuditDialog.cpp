#include "AuditDialog.h"

#include "AuditModel.h"
#include "TableSetup.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

AuditDialog::AuditDialog(AuditModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("auditDialog"));
    setWindowTitle(tr("Audit log"));
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
    m_model->reload();
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
    QString why;
    if (!m_model->exportTo(&file, path.endsWith(QLatin1String(".jsonl")), &why) || !file.commit()) {
        if (error)
            *error = why.isEmpty() ? file.errorString() : why;
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
