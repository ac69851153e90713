#include "onewindow/ui/CasesPage.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Masking.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/ui/ClientContext.h"
#include "ui_CasesPage.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace ow::ui {

namespace {

QString stateText(const store::CaseRecord &r)
{
    const QString decision = r.draft.value(QLatin1String("decision")).toString();
    if (r.state == QLatin1String("done") || r.state == QLatin1String("print")) {
        if (decision == QLatin1String("accept"))
            return CasesPage::tr("accepted");
        if (decision == QLatin1String("accepttolerated"))
            return CasesPage::tr("accepted with 容缺");
        if (decision == QLatin1String("notice"))
            return CasesPage::tr("one-time notice issued");
        if (decision == QLatin1String("refuse"))
            return CasesPage::tr("not accepted");
    }
    return CasesPage::tr("in progress (%1)").arg(r.state);
}

} // namespace

CasesPage::CasesPage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::CasesPage>())
{
    m_ui->setupUi(this);
    m_ui->caseTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->caseTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->caseSearchEdit, &QLineEdit::textChanged, this, &CasesPage::refresh);
    refresh();
}

CasesPage::~CasesPage() = default;

int CasesPage::caseCount() const
{
    return m_ui->caseTable->rowCount();
}

void CasesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void CasesPage::showEvent(QShowEvent *event)
{
    refresh(); // the intake screen may have accepted cases since
    QWidget::showEvent(event);
}

void CasesPage::refresh()
{
    // The window's cases from the local store, newest first; personal data masked.
    QList<store::CaseRecord> cases;
    if (m_context.store)
        cases = store::CaseRepository(*m_context.store).list(m_context.window.windowCode);
    const QString filter = m_ui->caseSearchEdit->text().trimmed();
    QTableWidget *t = m_ui->caseTable;
    t->setRowCount(0);
    for (const store::CaseRecord &r : std::as_const(cases)) {
        if (!filter.isEmpty() && !r.number.contains(filter, Qt::CaseInsensitive) && !filter.contains(r.number))
            continue;
        QString matter = r.selection.value(QLatin1String("bundle")).toString();
        if (m_context.catalog) {
            if (const Bundle *b = m_context.catalog->bundle(matter))
                matter = b->name;
        }
        QString applicant;
        if (r.applicant && r.applicant->kind == QLatin1String("company"))
            applicant = QStringLiteral("%1 %2").arg(r.applicant->name, r.applicant->idNumber); // public data
        else if (r.applicant)
            applicant =
                QStringLiteral("%1 %2").arg(masking::name(r.applicant->name), masking::idNumber(r.applicant->idNumber));
        const int row = t->rowCount();
        t->insertRow(row);
        const QStringList cells = {r.number, applicant, matter, stateText(r),
            r.promisedDate.isValid() ? QLocale().toString(r.promisedDate, QLocale::ShortFormat) : QString(),
            tr("waiting to sync")};
        for (int col = 0; col < cells.size(); ++col)
            t->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    m_ui->emptyLabel->setVisible(t->rowCount() == 0);
}

} // namespace ow::ui
