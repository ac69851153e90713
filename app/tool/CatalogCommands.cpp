#include "CatalogCommands.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/checklist/ChecklistJson.h"
#include "onewindow/core/WorkCalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// A JSON string literal, for output whose key order is part of the documented shape.
QByteArray jsonString(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

bool readFile(const QString &path, QByteArray *data, QTextStream &err)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err << path << ": cannot read: " << f.errorString() << '\n';
        return false;
    }
    *data = f.readAll();
    return true;
}

// Loads FILE; on failure prints every problem and returns false.
bool loadCatalog(const QString &path, ow::Catalog *out, QTextStream &err)
{
    QByteArray data;
    if (!readFile(path, &data, err))
        return false;
    auto catalog = ow::Catalog::fromJson(data, path);
    if (!catalog) {
        err << catalog.error() << '\n';
        return false;
    }
    *out = catalog.value();
    return true;
}

int catalogValidate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 1) {
        err << "usage: onewindow-tool catalog validate FILE\n";
        return 2;
    }
    QByteArray data;
    if (!readFile(args.first(), &data, err))
        return 1;
    const QStringList errors = ow::Catalog::validate(data, args.first());
    for (const QString &e : errors)
        err << e << '\n';
    if (!errors.isEmpty()) {
        err << Tool::tr("%n error(s)", nullptr, int(errors.size())) << '\n';
        return 1;
    }
    out << Tool::tr("%1: valid").arg(args.first()) << '\n';
    return 0;
}

int catalogStats(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList rest = args;
    const bool json = rest.removeAll(QStringLiteral("--json")) > 0;
    if (rest.size() != 1) {
        err << "usage: onewindow-tool catalog stats FILE [--json]\n";
        return 2;
    }
    ow::Catalog c;
    if (!loadCatalog(rest.first(), &c, err))
        return 1;
    if (json) {
        out << "{\"matters\":" << c.matters().size() << ",\"bundles\":" << c.bundles().size()
            << ",\"departments\":" << c.departments().size() << ",\"materials\":" << c.materials().size()
            << ",\"version\":" << jsonString(c.version()) << "}\n";
        return 0;
    }
    out << "version:      " << c.version() << '\n'
        << "matters:      " << c.matters().size() << '\n'
        << "bundles:      " << c.bundles().size() << '\n'
        << "departments:  " << c.departments().size() << '\n'
        << "materials:    " << c.materials().size() << '\n'
        << "questions:    " << c.questionList().size() << '\n';
    return 0;
}

int catalogSearch(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList rest = args;
    const bool json = rest.removeAll(QStringLiteral("--json")) > 0;
    if (rest.size() < 2) {
        err << "usage: onewindow-tool catalog search FILE QUERY [--json]\n";
        return 2;
    }
    ow::Catalog c;
    if (!loadCatalog(rest.takeFirst(), &c, err))
        return 1;
    const auto &pinyin = ow::PinyinTable::builtin();
    if (!pinyin) {
        err << pinyin.error() << '\n';
        return 1;
    }
    const ow::CatalogSearch search(c, pinyin.value());
    const auto hits = search.search(rest.join(u' '), 50);
    QByteArrayList objects;
    for (const auto &h : hits) {
        const QString kind =
            h.kind == ow::CatalogSearch::Hit::Kind::Bundle ? QStringLiteral("bundle") : QStringLiteral("matter");
        if (json)
            objects.append("{\"kind\":" + jsonString(kind) + ",\"id\":" + jsonString(h.id)
                + ",\"name\":" + jsonString(h.name) + '}');
        else
            out << kind << '\t' << h.id << '\t' << h.name << '\n';
    }
    if (json)
        out << '[' << objects.join(',') << "]\n";
    return 0;
}

QString itemMark(ow::checklist::ItemLine::Inclusion i)
{
    switch (i) {
    case ow::checklist::ItemLine::Inclusion::Included: return QStringLiteral("[x]");
    case ow::checklist::ItemLine::Inclusion::Excluded: return QStringLiteral("[ ]");
    case ow::checklist::ItemLine::Inclusion::Undecided: return QStringLiteral("[?]");
    }
    return {};
}

void printTable(const ow::Catalog &catalog, const ow::checklist::Checklist &c, QTextStream &out)
{
    using namespace ow::checklist;
    out << c.title << "\n\n" << Tool::tr("Items:") << '\n';
    for (const ItemLine &i : c.items)
        out << "  " << itemMark(i.included) << ' ' << i.matter << "  " << i.name << "  (" << i.department << ")\n"
            << "      " << i.why << '\n';
    // The merged list as a table (one row per material), then what each row needs. The column
    // keys stay as in --json.
    out << '\n'
        << Tool::tr("Materials (each once):") << "\n  " << QStringLiteral("STATUS").leftJustified(10)
        << QStringLiteral("ORIG").rightJustified(4) << QStringLiteral("COPY").rightJustified(6) << "  "
        << QStringLiteral("MODE").leftJustified(27) << "MATERIAL\n";
    for (const MaterialLine &m : c.materials) {
        out << "  " << statusKey(m.status).leftJustified(10) << QString::number(m.originals).rightJustified(4)
            << QString::number(m.copies).rightJustified(6) << "  " << ow::acceptanceModeKey(m.mode).leftJustified(27)
            << m.id << "  " << m.name << '\n';
    }
    out << '\n' << Tool::tr("Why each material is needed:") << '\n';
    for (const MaterialLine &m : c.materials) {
        out << "  " << m.id;
        if (m.shared)
            out << ' ' << Tool::tr("(one set shared by all items)");
        if (!m.eLicence.isEmpty())
            out << ' '
                << (m.waivedByELicence ? Tool::tr("(e-licence: %1, used)") : Tool::tr("(e-licence: %1)"))
                       .arg(m.eLicence);
        out << '\n';
        for (const Need &n : m.neededBy)
            out << "      " << n.matter << ' ' << n.matterName << ": " << n.why << '\n';
        if (!m.producedBy.isEmpty())
            out << "      " << Tool::tr("issued within this bundle by %1 %2").arg(m.producedBy, m.producedByName)
                << '\n';
        if (!m.shortfall.isEmpty())
            out << "      " << Tool::tr("shortfall: %1").arg(m.shortfall) << '\n';
        if ((m.status == MaterialLine::Status::Missing || m.status == MaterialLine::Status::Tolerated)
            && !m.howToSupply.isEmpty())
            out << "      " << Tool::tr("how to supply: %1").arg(m.howToSupply) << '\n';
        if (m.status == MaterialLine::Status::Tolerated && m.supplementDeadline.isValid())
            out << "      "
                << (m.deadlineCapped
                           ? Tool::tr("supplement by %1 (%2 working days allowed, capped by the promised time)")
                           : Tool::tr("supplement by %1 (%2 working days allowed)"))
                       .arg(m.supplementDeadline.toString(Qt::ISODate))
                       .arg(m.supplementDays)
                << '\n';
    }
    for (const TextCondition &tc : c.textConditions) {
        const QString state = !tc.confirmed ? Tool::tr("not confirmed yet")
            : tc.holds                      ? Tool::tr("confirmed")
                                            : Tool::tr("does not hold");
        out << Tool::tr("To confirm: %1 %2: %3 [%4]").arg(tc.matter, tc.matterName, tc.text, state) << '\n';
    }
    out << '\n' << Tool::tr("Verdict: %1").arg(verdictKey(c.verdict)) << '\n';
    if (!c.missing.isEmpty())
        out << Tool::tr("Missing: %1").arg(c.missing.join(QStringLiteral(", "))) << '\n';
    if (!c.tolerated.isEmpty())
        out << Tool::tr("Tolerated (容缺): %1").arg(c.tolerated.join(QStringLiteral(", "))) << '\n';
    if (c.verdict == Verdict::Tolerated)
        out << Tool::tr("Supplement within %1 working days, by %2")
                   .arg(c.supplementDays)
                   .arg(c.supplementDeadline.toString(Qt::ISODate))
            << '\n';
    for (const QString &q : c.unanswered) {
        const ow::Question *question = catalog.question(q);
        out << Tool::tr("Unanswered: %1").arg(q) << (question ? QStringLiteral(" (%1)").arg(question->text) : QString())
            << '\n';
    }
    for (const FailedCondition &f : c.failed)
        out << Tool::tr("Not acceptable: %1 %2: %3 [%4]").arg(f.matter, f.matterName, f.text, f.expression) << '\n';
}

int checklistCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    using namespace ow::checklist;
    const auto usage = [&] {
        err << "usage: onewindow-tool checklist FILE (--bundle ID | --matter CODE…) [--answer Q=V…]\n"
               "       [--have MATERIAL[=original|copy|elicence]…] [--today YYYY-MM-DD] [--json]\n";
        return 2;
    };
    QString file;
    Selection selection;
    QStringList answerArgs;
    QStringList haveArgs;
    QDate today = QDate::currentDate();
    bool json = false;
    QString mode;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            json = true;
            mode.clear();
        } else if (a == QLatin1String("--bundle") || a == QLatin1String("--today")) {
            if (i + 1 >= args.size())
                return usage();
            if (a == QLatin1String("--bundle")) {
                selection.bundle = args.at(++i);
            } else {
                today = QDate::fromString(args.at(++i), Qt::ISODate);
                if (!today.isValid()) {
                    err << "--today needs a date YYYY-MM-DD\n";
                    return 2;
                }
            }
            mode.clear();
        } else if (a == QLatin1String("--matter") || a == QLatin1String("--answer") || a == QLatin1String("--have")) {
            mode = a;
        } else if (a.startsWith(QLatin1String("--"))) {
            err << "unknown option " << a << '\n';
            return usage();
        } else if (mode == QLatin1String("--matter")) {
            selection.matters.append(a);
        } else if (mode == QLatin1String("--answer")) {
            answerArgs.append(a);
        } else if (mode == QLatin1String("--have")) {
            haveArgs.append(a);
        } else if (file.isEmpty()) {
            file = a;
        } else {
            err << "unexpected argument " << a << '\n';
            return usage();
        }
    }
    if (file.isEmpty() || (selection.bundle.isEmpty() == selection.matters.isEmpty()))
        return usage();
    ow::Catalog catalog;
    if (!loadCatalog(file, &catalog, err))
        return 1;
    ow::Answers answers;
    for (const QString &a : std::as_const(answerArgs)) {
        const qsizetype eq = a.indexOf(u'=');
        if (eq <= 0) {
            err << "--answer needs QUESTION=VALUE, not " << a << '\n';
            return 2;
        }
        const auto value = catalog.parseAnswer(a.left(eq), a.mid(eq + 1));
        if (!value) {
            err << value.error() << '\n';
            return 1;
        }
        answers.insert(a.left(eq), value.value());
    }
    Collected collected;
    for (const QString &h : std::as_const(haveArgs)) {
        const qsizetype eq = h.indexOf(u'=');
        const QString id = eq < 0 ? h : h.left(eq);
        Received r = Received::Original;
        if (eq >= 0 && !parseReceived(h.mid(eq + 1), &r)) {
            err << "--have " << h << ": use MATERIAL=original, MATERIAL=copy or MATERIAL=elicence\n";
            return 2;
        }
        if (!catalog.material(id)) {
            err << "--have " << h << ": the catalogue has no material \"" << id << "\"\n";
            return 1;
        }
        collected.insert(id, r);
    }
    const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!calendar) {
        err << calendar.error() << '\n';
        return 1;
    }
    const auto checklist = ChecklistEngine::evaluate(catalog, selection, answers, collected, calendar.value(), today);
    if (!checklist) {
        err << checklist.error() << '\n';
        return 1;
    }
    if (json)
        out << compact(ChecklistJson::toJson(checklist.value())) << '\n';
    else
        printTable(catalog, checklist.value(), out);
    return 0;
}

} // namespace

CommandList catalogCommands()
{
    return {
        {QStringLiteral("catalog validate"), QStringLiteral("FILE"),
            QStringLiteral("Check a matter catalogue; every error names the entry and position."), catalogValidate},
        {QStringLiteral("catalog stats"), QStringLiteral("FILE [--json]"),
            QStringLiteral("Count the matters, bundles, departments and materials of a catalogue."), catalogStats},
        {QStringLiteral("catalog search"), QStringLiteral("FILE QUERY [--json]"),
            QStringLiteral("Search bundles and matters by Chinese, pinyin (initials or full) or code."), catalogSearch},
        {QStringLiteral("checklist"),
            QStringLiteral(
                "FILE (--bundle ID | --matter CODE…) [--answer Q=V…] [--have MATERIAL[=original|copy|elicence]…] "
                "[--today YYYY-MM-DD] [--json]"),
            QStringLiteral("The merged material checklist and the verdict for a bundle or matters."), checklistCommand},
    };
}
