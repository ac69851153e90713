#include "onewindow/ui/CaseListModel.h"

#include "onewindow/ui/CaseProgress.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/sync/SyncJournal.h"

#include <QJsonArray>
#include <QLocale>

namespace ow::ui {

namespace {

QString stateText(const store::CaseRecord &r)
{
    const QString &decision = r.decision;
    if (r.state == QLatin1String("abandoned"))
        return CaseListModel::tr("abandoned"); // left undecided by the clerk: closed, never continued
    // After the decision: the results handed out or sent (统一出件).
    const QString delivery = r.draft.value(QLatin1String("delivery")).toString();
    if (delivery == QLatin1String("handedOut"))
        return CaseListModel::tr("handed out");
    if (delivery == QLatin1String("dispatched"))
        return CaseListModel::tr("sent by courier");
    if (r.state == QLatin1String("done") || r.state == QLatin1String("print")) {
        if (decision == QLatin1String("accept"))
            return CaseListModel::tr("accepted");
        if (decision == QLatin1String("accepttolerated"))
            return CaseListModel::tr("accepted with 容缺");
        if (decision == QLatin1String("notice"))
            return CaseListModel::tr("one-time notice issued");
        if (decision == QLatin1String("refuse"))
            return CaseListModel::tr("not accepted");
    }
    return CaseListModel::tr("in progress (%1)").arg(r.state);
}

} // namespace

CaseListModel::CaseListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CaseListModel::reset(
    store::Store *store, const Catalog *catalog, const QString &windowCode, const QString &numberPrefix)
{
    beginResetModel();
    m_store = store;
    m_catalog = catalog;
    m_windowCode = windowCode;
    m_prefix = numberPrefix;
    m_rows.clear();
    m_sync.clear();
    m_progress.clear();
    m_held.clear();
    m_atEnd = store == nullptr;
    endResetModel();
    if (!m_atEnd)
        fetchMore({});
}

void CaseListModel::setRows(store::Store *store, const Catalog *catalog, const QList<store::CaseRecord> &rows)
{
    beginResetModel();
    m_store = store;
    m_catalog = catalog;
    m_rows = rows;
    m_sync.clear();
    m_progress.clear();
    m_held.clear();
    m_atEnd = true;
    if (m_store && !m_rows.isEmpty())
        readSync(m_rows);
    endResetModel();
}

const store::CaseRecord *CaseListModel::caseAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

bool CaseListModel::isDecided(const store::CaseRecord &r)
{
    const QString &decision = r.decision;
    return (r.state == QLatin1String("done") || r.state == QLatin1String("print")) && !decision.isEmpty()
        && decision != QLatin1String("none");
}

int CaseListModel::visits(const store::CaseRecord &r)
{
    return std::max(1, r.visits);
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CaseListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void CaseListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || !m_store)
        return;
    const QList<store::CaseRecord> more = store::CaseRepository(*m_store).page(
        m_windowCode, m_rows.isEmpty() ? nullptr : &m_rows.last(), PageSize, m_prefix);
    m_atEnd = more.size() < PageSize;
    if (more.isEmpty())
        return;
    readSync(more); // what the back office said about each case of the page, read once with it
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows += more;
    endInsertRows();
}

void CaseListModel::readSync(const QList<store::CaseRecord> &rows)
{
    const sync::SyncJournal journal(*m_store);
    const auto pendingList = journal.pendingCases();
    const auto blocked = journal.blockedCases();
    // Unreadable: every case stays "waiting to sync" (never "sent" for want of an answer).
    const bool known = pendingList && blocked;
    const QSet<QString> pending =
        pendingList ? QSet<QString>(pendingList->cbegin(), pendingList->cend()) : QSet<QString>();
    for (const store::CaseRecord &r : rows) {
        SyncState state = SyncState::Pending;
        const QJsonObject remote = journal.remote(r.id);
        if (!known)
            state = SyncState::Pending;
        else if (blocked->contains(r.id))
            state = SyncState::Conflict;
        else if (remote.contains(QLatin1String("confirmedAt")))
            state = SyncState::Confirmed;
        else if (!pending.contains(r.id))
            state = SyncState::Sent;
        m_sync.insert(r.id, state);
        m_progress.insert(r.id, CaseProgress::summary(remote, m_catalog));
        const QString held = CaseProgress::heldText(remote, m_catalog);
        if (held.isEmpty())
            m_held.remove(r.id);
        else
            m_held.insert(r.id, held);
    }
}

QString CaseListModel::heldText(int row) const
{
    const store::CaseRecord *r = caseAt(row);
    return r ? m_held.value(r->id) : QString();
}

void CaseListModel::refreshSync()
{
    if (!m_store || m_rows.isEmpty())
        return;
    readSync(m_rows);
    Q_EMIT dataChanged(index(0, Sync), index(int(m_rows.size()) - 1, Departments), {Qt::DisplayRole});
}

QString CaseListModel::cell(const store::CaseRecord &r, int column) const
{
    switch (column) {
    case Number: return r.number;
    case Applicant: return r.applicantMasked; // masked when it was stored (the parties are sealed)
    case Matter: {
        const QString bundle = r.selection.value(QLatin1String("bundle")).toString();
        if (!bundle.isEmpty()) {
            const Bundle *b = m_catalog ? m_catalog->bundle(bundle) : nullptr;
            return b ? b->name : bundle;
        }
        // Matters chosen one by one: their names.
        QStringList names;
        for (const QJsonValue &v : r.selection.value(QLatin1String("matters")).toArray()) {
            const ow::Matter *m = m_catalog ? m_catalog->matter(v.toString()) : nullptr;
            names << (m ? m->name : v.toString());
        }
        return names.join(tr("; "));
    }
    case Status: return stateText(r);
    case Visits: {
        // Visits until the result ("at most one visit"), a pickup beside them: "1+1".
        const int pickups = r.draft.value(QLatin1String("pickups")).toInt();
        return pickups > 0 ? QStringLiteral("%1+%2").arg(std::max(1, visits(r) - pickups)).arg(pickups)
                           : QString::number(visits(r));
    }
    case Promised:
        return r.promisedDate.isValid() ? QLocale().toString(r.promisedDate, QLocale::ShortFormat) : QString();
    case Sync: {
        // A receipt handed out while the back office was out of reach stays provisional until
        // the back office confirms the case.
        const bool provisional = r.document.value(QLatin1String("provisional")).toBool();
        switch (m_sync.value(r.id, SyncState::Pending)) {
        case SyncState::Pending:
            return provisional ? tr("provisional receipt · waiting to sync") : tr("waiting to sync");
        case SyncState::Sent:
            // The back office confirms decided cases; an abandoned one has nothing to confirm.
            if (r.state == QLatin1String("abandoned"))
                return tr("sent");
            return provisional ? tr("provisional receipt · sent, awaiting confirmation")
                               : tr("sent, awaiting confirmation");
        case SyncState::Confirmed: return tr("confirmed");
        case SyncState::Conflict: return tr("sync conflict");
        }
        break;
    }
    case Departments: return m_progress.value(r.id);
    }
    return {};
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    const store::CaseRecord *r = caseAt(index.row());
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return cell(*r, index.column());
    // The long words of a narrow column in full; a held case's reason.
    if (role == Qt::ToolTipRole && index.column() == Departments && m_held.contains(r->id))
        return m_held.value(r->id);
    if (role == Qt::ToolTipRole && (index.column() == Matter || index.column() == Departments))
        return cell(*r, index.column());
    if (role == Qt::ToolTipRole && index.column() == Visits)
        return tr("Visits until the result; after a +, visits to collect it");
    if (role == Qt::TextAlignmentRole && index.column() == Visits)
        return int(Qt::AlignCenter);
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Case number");
    case Applicant: return tr("Applicant");
    case Matter: return tr("Matter");
    case Status: return tr("Status");
    case Visits: return tr("Visits");
    case Promised: return tr("Promised by");
    case Sync: return tr("Sync");
    case Departments: return tr("Departments");
    }
    return {};
}

} // namespace ow::ui
