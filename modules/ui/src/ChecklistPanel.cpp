#include "onewindow/ui/ChecklistPanel.h"

#include "onewindow/intake/DocumentBuilder.h"
#include "onewindow/receipt/DocumentLayout.h"
#include "ui_ChecklistPanel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>

#include <algorithm>

namespace ow::ui {

using checklist::MaterialLine;
using checklist::Verdict;

namespace {

constexpr int kFullTextRole = Qt::UserRole + 1; // the line's whole text (status, material, counts, why)
constexpr int kBarNames = 3; // materials named in the verdict bar; the others are the table's ✘ lines

QString statusText(const MaterialLine &l, const checklist::Collected &collected)
{
    switch (l.status) {
    case MaterialLine::Status::Received:
        switch (collected.value(l.id, checklist::Received::Original)) {
        case checklist::Received::Original:
            return l.recordedOriginals > 1 ? ChecklistPanel::tr("✔ %n originals", nullptr, l.recordedOriginals)
                                           : ChecklistPanel::tr("✔ original");
        case checklist::Received::Copy:
            return l.recordedCopies > 1 ? ChecklistPanel::tr("✔ %n copies", nullptr, l.recordedCopies)
                                        : ChecklistPanel::tr("✔ copy");
        case checklist::Received::ELicence: return ChecklistPanel::tr("✔ e-licence");
        }
        return ChecklistPanel::tr("✔ received");
    case MaterialLine::Status::Waived:
        // Issued by another item of the selection: no e-licence was pulled.
        if (!l.producedBy.isEmpty())
            return ChecklistPanel::tr("✔ issued by %1").arg(l.producedByName);
        return ChecklistPanel::tr("✔ e-licence");
    case MaterialLine::Status::Tolerated: return ChecklistPanel::tr("… later (容缺)");
    case MaterialLine::Status::Missing: return ChecklistPanel::tr("✘ missing");
    }
    return {};
}

QColor statusColour(const MaterialLine &l)
{
    switch (l.status) {
    case MaterialLine::Status::Received:
    case MaterialLine::Status::Waived: return QColor(0xdf, 0xf3, 0xe4);
    case MaterialLine::Status::Tolerated: return QColor(0xff, 0xf4, 0xce);
    case MaterialLine::Status::Missing: return QColor(0xfd, 0xe2, 0xe1);
    }
    return {};
}

QString countsText(const MaterialLine &l)
{
    QStringList parts;
    if (l.originals > 0)
        parts << ChecklistPanel::tr("%n original(s)", nullptr, l.originals);
    if (l.verifyOriginal)
        parts << ChecklistPanel::tr("show original");
    if (l.copies > 0)
        parts << ChecklistPanel::tr("%n copy(ies)", nullptr, l.copies);
    if (!l.eLicence.isEmpty())
        parts << ChecklistPanel::tr("e-licence: %1").arg(l.eLicence);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ChecklistPanel::ChecklistPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChecklistPanel>())
{
    m_ui->setupUi(this);
    m_ui->materialTable->installEventFilter(this);
    QHeaderView *h = m_ui->materialTable->horizontalHeader();
    // The columns share the width the checklist gets: no sideways scrolling at 1366×768. Status
    // and counts keep a width for their usual words; what they elide is under the table.
    h->setStretchLastSection(false);
    h->setSectionResizeMode(0, QHeaderView::Interactive);
    h->setSectionResizeMode(1, QHeaderView::Stretch);
    h->setSectionResizeMode(2, QHeaderView::Interactive);
    h->setSectionResizeMode(3, QHeaderView::Stretch);
    const QFontMetrics fm = m_ui->materialTable->fontMetrics();
    m_ui->materialTable->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("✔ 原件 原件 ")) + 12);
    m_ui->materialTable->setColumnWidth(2, fm.horizontalAdvance(QStringLiteral("验原件 · 复印件 1 份")) + 12);
    m_ui->materialTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // One text line per material, whatever its texts: wrapped rows let a bundle's checklist show
    // only 2–3 lines at 1366×768. What a line elides is shown whole under the table.
    QHeaderView *rows = m_ui->materialTable->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setMinimumSectionSize(1);
    rows->setDefaultSectionSize(m_ui->materialTable->fontMetrics().height() + 8);
    connect(m_ui->materialTable, &QTableWidget::currentCellChanged, this, &ChecklistPanel::showCurrentLine);
    connect(m_ui->materialTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        // A click cycles: missing → original → copy → missing.
        if (!m_checklist || row < 0 || row >= m_checklist->materials.size())
            return;
        const MaterialLine &l = m_checklist->materials.at(row);
        if (l.status == MaterialLine::Status::Received || l.status == MaterialLine::Status::Waived)
            Q_EMIT markRequested(l.id, std::nullopt);
        else
            Q_EMIT markRequested(l.id, checklist::Received::Original);
    });
    clear();
}

ChecklistPanel::~ChecklistPanel() = default;

void ChecklistPanel::clear()
{
    m_checklist.reset();
    m_ui->materialTable->setRowCount(0);
    m_ui->lineDetailLabel->clear();
    m_ui->lineDetailLabel->hide();
    m_ui->itemsLabel->setText(tr("Choose a matter to see its checklist."));
    m_ui->verdictLabel->clear();
    m_ui->verdictLabel->setStyleSheet(QString());
}

void ChecklistPanel::setChecklist(const checklist::Checklist &c, const checklist::Collected &collected,
    const QStringList &questionTexts, const QStringList &blockers)
{
    const QString selected = currentMaterial();
    m_checklist = c;
    m_collected = collected;
    m_questionTexts = questionTexts;
    m_blockers = blockers;

    // The items in play, by name (their departments in the tool tip): two lines rather than six
    // at 1366×768. Items a situation rules out are counted.
    QStringList items;
    QStringList itemTips;
    int excluded = 0;
    for (const checklist::ItemLine &i : c.items) {
        const QString name = i.name.toHtmlEscaped();
        itemTips << QStringLiteral("%1 %2 (%3)")
                        .arg(i.included == checklist::ItemLine::Inclusion::Included
                                ? QStringLiteral("✔")
                                : (i.included == checklist::ItemLine::Inclusion::Undecided ? QStringLiteral("?")
                                                                                           : QStringLiteral("✘")),
                            i.name, i.department);
        switch (i.included) {
        case checklist::ItemLine::Inclusion::Included: items << QStringLiteral("<b>✔ %1</b>").arg(name); break;
        case checklist::ItemLine::Inclusion::Undecided: items << QStringLiteral("<i>? %1</i>").arg(name); break;
        case checklist::ItemLine::Inclusion::Excluded: ++excluded; break;
        }
    }
    if (excluded > 0)
        items << QStringLiteral("<span style='color:#888'>%1</span>")
                     .arg(tr("%n item(s) not applicable", nullptr, excluded).toHtmlEscaped());
    m_ui->itemsLabel->setText(tr("<b>%1</b>: %2").arg(c.title.toHtmlEscaped(), items.join(QStringLiteral(" · "))));
    m_ui->itemsLabel->setToolTip(itemTips.join(QLatin1Char('\n')));

    QTableWidget *t = m_ui->materialTable;
    t->setRowCount(int(c.materials.size()));
    for (int row = 0; row < c.materials.size(); ++row) {
        const MaterialLine &l = c.materials.at(row);
        // Who needs it and why; the matters that need it for the same reason on one line (an ID
        // card needed by six items is one line, not six).
        QList<QPair<QString, QStringList>> byReason;
        for (const checklist::Need &n : l.neededBy) {
            auto same = std::find_if(
                byReason.begin(), byReason.end(), [&n](const auto &entry) { return entry.first == n.why; });
            if (same == byReason.end())
                byReason.append({n.why, {n.matterName}});
            else
                same->second << n.matterName;
        }
        QStringList why;
        for (const auto &[reason, matters] : std::as_const(byReason))
            why << QStringLiteral("%1: %2").arg(matters.join(QStringLiteral("、")), reason);
        if (!l.shortfall.isEmpty())
            why.prepend(l.shortfall);
        if (l.status == MaterialLine::Status::Missing && !l.howToSupply.isEmpty())
            why << tr("How to get it: %1").arg(l.howToSupply);
        if (l.status == MaterialLine::Status::Tolerated && l.supplementDeadline.isValid())
            why << receipt::DocumentLayout::handInBy(l.supplementDeadline); // as the notice says
        // On one line in the table; whole (a line each) under it and in the tool tip.
        const QString whole = why.join(QLatin1Char('\n'));
        const QStringList cells = {statusText(l, collected), l.name, countsText(l), why.join(QStringLiteral(" · "))};
        const QString full = QStringLiteral("%1 · %2 · %3\n%4").arg(cells.at(0), l.name, cells.at(2), whole).trimmed();
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setBackground(statusColour(l));
            item->setData(Qt::UserRole, l.id);
            item->setData(kFullTextRole, full);
            item->setToolTip(full);
            t->setItem(row, col, item);
        }
    }
    m_ui->verdictLabel->setText(verdictText(c, questionTexts, blockers, kBarNames));
    m_ui->verdictLabel->setToolTip(verdictText(c, questionTexts, blockers));
    QString style;
    switch (c.verdict) {
    case Verdict::Complete: style = QStringLiteral("background:#1b7f3b; color:white; font-weight:bold;"); break;
    case Verdict::Tolerated: style = QStringLiteral("background:#c98a00; color:white; font-weight:bold;"); break;
    case Verdict::Incomplete: style = QStringLiteral("background:#b00020; color:white; font-weight:bold;"); break;
    case Verdict::NotAcceptable: style = QStringLiteral("background:#5a0010; color:white; font-weight:bold;"); break;
    case Verdict::NeedsAnswers: style = QStringLiteral("background:#35506b; color:white; font-weight:bold;"); break;
    }
    if (blocked(c, blockers))
        style = QStringLiteral("background:#5a0010; color:white; font-weight:bold;");
    m_ui->verdictLabel->setStyleSheet(style);
    if (!selected.isEmpty())
        selectMaterial(selected);
    else if (t->rowCount() > 0 && t->currentRow() < 0)
        t->setCurrentCell(0, 1);
    showCurrentLine();
}

void ChecklistPanel::showCurrentLine()
{
    const QTableWidgetItem *item = m_ui->materialTable->item(m_ui->materialTable->currentRow(), 0);
    m_ui->lineDetailLabel->setText(item ? item->data(kFullTextRole).toString() : QString());
    m_ui->lineDetailLabel->setVisible(item != nullptr);
}

QString ChecklistPanel::currentLineText() const
{
    return m_ui->lineDetailLabel->isHidden() ? QString() : m_ui->lineDetailLabel->text();
}

bool ChecklistPanel::blocked(const checklist::Checklist &c, const QStringList &blockers)
{
    return !blockers.isEmpty()
        && (c.verdict == Verdict::Complete || c.verdict == Verdict::Tolerated || c.verdict == Verdict::Incomplete);
}

QString ChecklistPanel::verdictText(
    const checklist::Checklist &c, const QStringList &questionTexts, const QStringList &blockers, int maxNames)
{
    if (blocked(c, blockers))
        return tr("Cannot accept: %1. Ask for a valid document; issue a notice (F7) or refuse (F8).")
            .arg(blockers.join(QStringLiteral("; ")));
    auto names = [&c, maxNames](const QStringList &ids) {
        QStringList out;
        for (const MaterialLine &l : c.materials) {
            if (ids.contains(l.id))
                out << l.name;
        }
        // The bar stays two or three lines high: the rest are the table's ✘ lines (and the bar's
        // tool tip names them all).
        if (maxNames >= 0 && out.size() > maxNames) {
            const int more = int(out.size()) - maxNames;
            return tr("%1 and %n more (✘ in the table)", nullptr, more)
                .arg(out.mid(0, maxNames).join(QStringLiteral("、")));
        }
        return out.join(QStringLiteral("、"));
    };
    switch (c.verdict) {
    case Verdict::Complete: return tr("Complete: every material is here. Accept the case (F5).");
    case Verdict::Tolerated:
        return (tr("Acceptable with 容缺: %1 may follow by %2. Accept with 容缺 (F6) or issue a notice (F7).")
                    .arg(names(c.tolerated), QLocale().toString(c.supplementDeadline, QLocale::ShortFormat))
            + QLatin1Char(' ') + intake::DocumentBuilder::deadlineNote(c))
            .trimmed();
    case Verdict::Incomplete:
        return tr("Incomplete: %n material(s) missing (%1). Issue the one-time notice (F7).", nullptr,
            int(c.missing.size() + c.tolerated.size()))
            .arg(names(c.missing + c.tolerated));
    case Verdict::NotAcceptable: {
        QStringList why;
        for (const checklist::FailedCondition &f : c.failed)
            why << QStringLiteral("%1: %2").arg(f.matterName, f.fact.isEmpty() ? f.text : f.fact); // what fails
        return tr("Not acceptable: %1. Refuse with the reason (F8).").arg(why.join(QStringLiteral("; ")));
    }
    case Verdict::NeedsAnswers: return tr("Answer first: %1").arg(questionTexts.join(QStringLiteral("; ")));
    }
    return {};
}

QString ChecklistPanel::verdictBarText() const
{
    return m_ui->verdictLabel->text();
}

void ChecklistPanel::focusTable()
{
    QTableWidget *t = m_ui->materialTable;
    t->setFocus(Qt::ShortcutFocusReason);
    // On the first line still to collect, so that the keys mark it at once.
    if (m_checklist) {
        for (int row = 0; row < m_checklist->materials.size() && row < t->rowCount(); ++row) {
            const MaterialLine::Status s = m_checklist->materials.at(row).status;
            if (s == MaterialLine::Status::Missing || s == MaterialLine::Status::Tolerated) {
                t->setCurrentCell(row, 1);
                return;
            }
        }
    }
    if (t->rowCount() > 0 && t->currentRow() < 0)
        t->setCurrentCell(0, 1);
}

QString ChecklistPanel::currentMaterial() const
{
    const QTableWidgetItem *item = m_ui->materialTable->item(m_ui->materialTable->currentRow(), 0);
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ChecklistPanel::selectMaterial(const QString &id)
{
    for (int row = 0; row < m_ui->materialTable->rowCount(); ++row) {
        if (m_ui->materialTable->item(row, 0)->data(Qt::UserRole).toString() == id) {
            m_ui->materialTable->setCurrentCell(row, 1);
            return;
        }
    }
}

void ChecklistPanel::markCurrent(std::optional<checklist::Received> how)
{
    const QString id = currentMaterial();
    if (!id.isEmpty())
        Q_EMIT markRequested(id, how);
}

bool ChecklistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->materialTable && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))
            return QWidget::eventFilter(watched, event);
        const int row = m_ui->materialTable->currentRow();
        auto markAndAdvance = [this, row](std::optional<checklist::Received> how) {
            markCurrent(how);
            if (row + 1 < m_ui->materialTable->rowCount())
                m_ui->materialTable->setCurrentCell(row + 1, 1);
        };
        switch (key->key()) {
        case Qt::Key_O: markAndAdvance(checklist::Received::Original); return true;
        case Qt::Key_C: markAndAdvance(checklist::Received::Copy); return true;
        case Qt::Key_E:
            // Only a material with an e-licence can come as one; the workflow says so, and the
            // selection stays on the line so that O or C can follow.
            if (m_checklist && row >= 0 && row < m_checklist->materials.size()
                && m_checklist->materials.at(row).eLicence.isEmpty()) {
                markCurrent(checklist::Received::ELicence);
                return true;
            }
            markAndAdvance(checklist::Received::ELicence);
            return true;
        case Qt::Key_Delete:
        case Qt::Key_Backspace: markAndAdvance(std::nullopt); return true;
        default: break;
        }
        if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9) {
            const QString id = currentMaterial();
            if (!id.isEmpty() && m_collected.contains(id))
                Q_EMIT countRequested(id, key->key() - Qt::Key_0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChecklistPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (m_checklist)
            setChecklist(*m_checklist, m_collected, m_questionTexts, m_blockers);
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
