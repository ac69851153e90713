#include "onewindow/catalog/Catalog.h"

#include "onewindow/core/Sha256.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

namespace ow {

QString acceptanceModeKey(AcceptanceMode mode)
{
    switch (mode) {
    case AcceptanceMode::KeepOriginal: return QStringLiteral("keep-original");
    case AcceptanceMode::TakeCopy: return QStringLiteral("copy");
    case AcceptanceMode::VerifyOriginalTakeCopy: return QStringLiteral("verify-original-keep-copy");
    case AcceptanceMode::KeepOriginalAndCopy: return QStringLiteral("original-and-copy");
    }
    return {};
}

namespace {

template<typename E>
struct EnumName
{
    const char *key;
    E value;
};

const EnumName<MaterialDef::Source> kSources[] = {{"applicant", MaterialDef::Source::Applicant},
    {"government", MaterialDef::Source::Government}, {"other", MaterialDef::Source::Other}};
const EnumName<MaterialDef::Form> kForms[] = {{"paper", MaterialDef::Form::Paper},
    {"electronic", MaterialDef::Form::Electronic}, {"paper-or-electronic", MaterialDef::Form::PaperOrElectronic}};
const EnumName<MatterMaterial::Necessity> kNecessities[] = {{"required", MatterMaterial::Necessity::Required},
    {"conditional", MatterMaterial::Necessity::Conditional}, {"tolerable", MatterMaterial::Necessity::Tolerable}};
const EnumName<AcceptanceMode> kModes[] = {{"keep-original", AcceptanceMode::KeepOriginal},
    {"copy", AcceptanceMode::TakeCopy}, {"verify-original-keep-copy", AcceptanceMode::VerifyOriginalTakeCopy},
    {"original-and-copy", AcceptanceMode::KeepOriginalAndCopy}};
const EnumName<Matter::Type> kMatterTypes[] = {{"licence", Matter::Type::Licence},
    {"confirmation", Matter::Type::Confirmation}, {"payment", Matter::Type::Payment}, {"levy", Matter::Type::Levy},
    {"public-service", Matter::Type::PublicService}, {"other", Matter::Type::Other}};
const EnumName<Matter::ResultType> kResultTypes[] = {{"licence", Matter::ResultType::Licence},
    {"certificate", Matter::ResultType::Certificate}, {"approval", Matter::ResultType::Approval},
    {"filing", Matter::ResultType::Filing}, {"other", Matter::ResultType::Other}};
const EnumName<Question::Type> kQuestionTypes[] = {
    {"number", Question::Type::Number}, {"choice", Question::Type::Choice}, {"yesno", Question::Type::YesNo}};

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return re;
}

const QRegularExpression &questionIdPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re;
}

} // namespace

// Where a problem is: "matters[3] \"330106-XK-AMR-003\".materials[1] \"plan\".when". Formatted only
// when there is an error, so loading a large valid catalogue builds no strings.
struct Where
{
    const Where *parent = nullptr;
    const char *field = nullptr;
    qsizetype index = -1;
    QString id;

    QString text() const
    {
        QString t = parent ? parent->text() + u'.' : QString();
        t += QLatin1String(field);
        if (index >= 0)
            t += QStringLiteral("[%1]").arg(index);
        if (!id.isEmpty())
            t += QStringLiteral(" \"%1\"").arg(id);
        return t;
    }
};

// Reads one catalogue document, collecting every problem instead of stopping at the first.
class CatalogReader
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    explicit CatalogReader(QString fileName)
        : m_file(std::move(fileName))
    { }

    QStringList read(const QByteArray &json, Catalog &c)
    {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < parseError.offset && i < json.size(); ++i) {
                if (json.at(i) == '\n') {
                    ++line;
                    column = 1;
                } else if ((json.at(i) & 0xC0) != 0x80) {
                    ++column;
                }
            }
            m_errors.append(QStringLiteral("%1:%2:%3: %4")
                                .arg(m_file)
                                .arg(line)
                                .arg(column)
                                .arg(tr("not valid JSON: %1").arg(parseError.errorString())));
            return m_errors;
        }
        const Where top {nullptr, "(top level)", -1, {}};
        if (!doc.isObject()) {
            error(top, tr("the catalogue must be a JSON object"));
            return m_errors;
        }
        const QJsonObject root = doc.object();
        keys(root, top,
            {"format", "formatVersion", "version", "region", "departments", "groups", "questions", "materials",
                "matters", "bundles"});
        if (root.value(QLatin1String("format")).toString() != QLatin1String("onewindow-catalogue"))
            error(top, tr("\"format\" must be \"onewindow-catalogue\""));
        if (root.value(QLatin1String("formatVersion")).toInt(-1) != 1)
            error(top, tr("\"formatVersion\" must be 1 (this program reads version 1 only)"));
        c.m_version = text(root, "version", top, true);
        c.m_region = text(root, "region", top, false);

        readDepartments(array(root, "departments", top), c);
        readGroups(array(root, "groups", top, false), c);
        readQuestions(array(root, "questions", top), c);
        readMaterials(array(root, "materials", top), c);
        readMatters(array(root, "matters", top), c);
        checkProducesCycles(c);
        readBundles(array(root, "bundles", top), c);
        if (c.m_matters.isEmpty() && m_errors.isEmpty())
            error(top, tr("the catalogue has no matters"));
        return m_errors;
    }

private:
    void error(const Where &where, const QString &message)
    {
        m_errors.append(QStringLiteral("%1: %2: %3").arg(m_file, where.text(), message));
    }

    void keys(const QJsonObject &o, const Where &where, std::initializer_list<const char *> allowed)
    {
        // Cheap path first: count the known keys without materialising any key string.
        qsizetype known = 0;
        for (const char *k : allowed)
            known += o.contains(QLatin1String(k)) ? 1 : 0;
        if (known == o.size())
            return;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString key = it.key();
            bool isKnown = false;
            for (const char *k : allowed) {
                if (key == QLatin1String(k)) {
                    isKnown = true;
                    break;
                }
            }
            if (!isKnown)
                error(where, tr("unknown field \"%1\"").arg(key));
        }
    }

    QJsonArray array(const QJsonObject &o, const char *key, const Where &where, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isArray()) {
            error(where, tr("\"%1\" must be an array").arg(QLatin1String(key)));
            return {};
        }
        return v.toArray();
    }

    QString text(const QJsonObject &o, const char *key, const Where &where, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return {};
        QString s = v.toString();
        if (!v.isString() || (required && s.trimmed().isEmpty())) {
            error(where,
                required ? tr("\"%1\" is required and must be a non-empty string").arg(QLatin1String(key))
                         : tr("\"%1\" must be a string").arg(QLatin1String(key)));
            return {};
        }
        return s;
    }

    QStringList texts(const QJsonObject &o, const char *key, const Where &where)
    {
        QStringList out;
        const QJsonArray a = array(o, key, where, false);
        for (const QJsonValue &v : a) {
            if (!v.isString() || v.toString().isEmpty())
                error(where, tr("\"%1\" must hold non-empty strings").arg(QLatin1String(key)));
            else
                out.append(v.toString());
        }
        return out;
    }

    int integer(
        const QJsonObject &o, const char *key, const Where &where, int min, int max, int fallback, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return fallback;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
            error(where, tr("\"%1\" must be a whole number from %2 to %3").arg(QLatin1String(key)).arg(min).arg(max));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const QJsonObject &o, const char *key, const Where &where)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            error(where, tr("\"%1\" must be true or false").arg(QLatin1String(key)));
        return v.toBool();
    }

    template<typename E, size_t N>
    E enumeration(const QJsonObject &o, const char *key, const Where &where, const EnumName<E> (&names)[N], E fallback,
        bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return fallback;
        const QString value = v.toString();
        for (const auto &n : names) {
            if (value == QLatin1String(n.key))
                return n.value;
        }
        QStringList allowed;
        for (const auto &n : names)
            allowed.append(QLatin1String(n.key));
        error(where,
            tr("\"%1\" must be one of %2, not %3")
                .arg(QLatin1String(key), allowed.join(QStringLiteral(", ")),
                    v.isUndefined() ? tr("missing") : u'"' + v.toVariant().toString() + u'"'));
        return fallback;
    }

    Condition condition(const QJsonObject &o, const char *key, const Where &where, const Condition::Questions &scope)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isString()) {
            error(where, tr("\"%1\" must be a condition string").arg(QLatin1String(key)));
            return {};
        }
        const auto parsed = Condition::parse(v.toString(), scope);
        if (!parsed) {
            error(Where {&where, key, -1, {}}, tr("%1 in \"%2\"").arg(parsed.error(), v.toString()));
            return {};
        }
        return parsed.value();
    }

    QJsonObject object(const QJsonValue &v, const Where &where)
    {
        if (!v.isObject())
            error(where, tr("must be a JSON object"));
        return v.toObject();
    }

    void readDepartments(const QJsonArray &a, Catalog &c)
    {
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject o = object(a.at(i), Where {nullptr, "departments", i, {}});
            Department d;
            d.id = o.value(QLatin1String("id")).toString();
            const Where where {nullptr, "departments", i, d.id};
            keys(o, where, {"id", "name"});
            if (!idPattern().match(d.id).hasMatch())
                error(where, tr("\"id\" must be lower-case letters, digits and '-'"));
            d.name = text(o, "name", where, true);
            if (c.m_departmentIndex.contains(d.id))
                error(where, tr("duplicate department id \"%1\"").arg(d.id));
            c.m_departmentIndex.insert(d.id, c.m_departments.size());
            c.m_departments.append(d);
        }
    }

    void readGroups(const QJsonArray &a, Catalog &c)
    {
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject o = object(a.at(i), Where {nullptr, "groups", i, {}});
            MatterGroup g;
            g.id = o.value(QLatin1String("id")).toString();
            const Where where {nullptr, "groups", i, g.id};
            keys(o, where, {"id", "name"});
            if (!idPattern().match(g.id).hasMatch())
                error(where, tr("\"id\" must be lower-case letters, digits and '-'"));
            g.name = text(o, "name", where, true);
            for (const MatterGroup &earlier : std::as_const(c.m_groups)) {
                if (earlier.id == g.id)
                    error(where, tr("duplicate group id \"%1\"").arg(g.id));
            }
            c.m_groups.append(g);
        }
    }

    void readQuestions(const QJsonArray &a, Catalog &c)
    {
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject o = object(a.at(i), Where {nullptr, "questions", i, {}});
            Question q;
            q.id = o.value(QLatin1String("id")).toString();
            const Where where {nullptr, "questions", i, q.id};
            keys(o, where, {"id", "text", "type", "unit", "options", "fromParty"});
            if (!questionIdPattern().match(q.id).hasMatch())
                error(where, tr("\"id\" must be letters, digits and '_', not starting with a digit"));
            static const QStringList reserved = {QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"),
                QStringLiteral("in"), QStringLiteral("true"), QStringLiteral("false")};
            if (reserved.contains(q.id))
                error(where, tr("\"%1\" is a reserved word of the condition language").arg(q.id));
            q.text = text(o, "text", where, true);
            q.type = enumeration(o, "type", where, kQuestionTypes, Question::Type::YesNo);
            q.unit = text(o, "unit", where, false);
            q.fromParty = o.value(QLatin1String("fromParty")).toString();
            static const QStringList fromParty = {QString(), QStringLiteral("age"), QStringLiteral("gender"),
                QStringLiteral("entityType"), QStringLiteral("retirementCategory"),
                QStringLiteral("retirementReached")};
            if (!fromParty.contains(q.fromParty))
                error(where,
                    tr("\"fromParty\" must be age, gender, entityType, retirementCategory or retirementReached"));
            const QJsonArray options = array(o, "options", where, false);
            for (qsizetype k = 0; k < options.size(); ++k) {
                const Where ow {&where, "options", k, {}};
                const QJsonObject opt = object(options.at(k), ow);
                const Question::Option option {text(opt, "value", ow, true), text(opt, "label", ow, true)};
                if (q.hasOption(option.value))
                    error(ow, tr("duplicate option \"%1\"").arg(option.value));
                q.options.append(option);
            }
            if (q.type == Question::Type::Choice && q.options.size() < 2)
                error(where, tr("a choice question needs at least two options"));
            if (q.type != Question::Type::Choice && !q.options.isEmpty())
                error(where, tr("only choice questions have options"));
            // The values the window fills in itself must be values the question can take.
            if (q.fromParty == QLatin1String("retirementCategory")
                && (q.type != Question::Type::Choice || q.options.size() != 3 || !q.hasOption(QStringLiteral("male"))
                    || !q.hasOption(QStringLiteral("female-cadre")) || !q.hasOption(QStringLiteral("female-worker"))))
                error(where, tr("a retirementCategory question is a choice of male, female-cadre and female-worker"));
            if (q.fromParty == QLatin1String("retirementReached") && q.type != Question::Type::YesNo)
                error(where, tr("a retirementReached question is a yes-no question"));
            if (c.m_questions.contains(q.id))
                error(where, tr("duplicate question id \"%1\"").arg(q.id));
            c.m_questions.insert(q.id, q);
            c.m_questionList.append(q);
        }
    }

    void readMaterials(const QJsonArray &a, Catalog &c)
    {
        c.m_materials.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject o = object(a.at(i), Where {nullptr, "materials", i, {}});
            MaterialDef m;
            m.id = o.value(QLatin1String("id")).toString();
            const Where where {nullptr, "materials", i, m.id};
            keys(o, where,
                {"id", "name", "source", "form", "eLicence", "blankForm", "sample", "howToSupply", "perParty"});
            if (!idPattern().match(m.id).hasMatch())
                error(where, tr("\"id\" must be lower-case letters, digits and '-'"));
            m.name = text(o, "name", where, true);
            m.source = enumeration(o, "source", where, kSources, MaterialDef::Source::Applicant);
            m.form = enumeration(o, "form", where, kForms, MaterialDef::Form::Paper, false);
            m.eLicence = text(o, "eLicence", where, false);
            m.blankForm = text(o, "blankForm", where, false);
            m.sample = text(o, "sample", where, false);
            m.howToSupply = text(o, "howToSupply", where, false);
            const QJsonValue perParty = o.value(QLatin1String("perParty"));
            if (!perParty.isUndefined() && !perParty.isBool())
                error(where, tr("\"perParty\" must be true or false"));
            m.perParty = perParty.toBool(false);
            if (c.m_materialIndex.contains(m.id))
                error(where, tr("duplicate material id \"%1\"").arg(m.id));
            c.m_materialIndex.insert(m.id, c.m_materials.size());
            c.m_materials.append(m);
        }
    }

    void readMatters(const QJsonArray &a, Catalog &c)
    {
        c.m_matters.reserve(a.size());
        c.m_matterIndex.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject o = object(a.at(i), Where {nullptr, "matters", i, {}});
            Matter m;
            m.code = o.value(QLatin1String("code")).toString();
            const Where where {nullptr, "matters", i, m.code};
            keys(o, where,
                {"code", "name", "department", "group", "type", "version", "aliases", "acceptanceConditions",
                    "statutoryDays", "promisedDays", "fee", "visits", "result", "courier", "township", "materials",
                    "produces"});
            if (m.code.trimmed().isEmpty())
                error(where, tr("\"code\" is required and must be a non-empty string"));
            m.name = text(o, "name", where, true);
            m.department = text(o, "department", where, true);
            if (!m.department.isEmpty() && !c.m_departmentIndex.contains(m.department))
                error(where, tr("unknown department \"%1\"").arg(m.department));
            m.group = text(o, "group", where, false);
            if (!m.group.isEmpty() && std::none_of(c.m_groups.cbegin(), c.m_groups.cend(), [&m](const MatterGroup &g) {
                    return g.id == m.group;
                }))
                error(where, tr("unknown group \"%1\"").arg(m.group));
            m.type = enumeration(o, "type", where, kMatterTypes, Matter::Type::Other);
            m.version = text(o, "version", where, true);
            m.aliases = texts(o, "aliases", where);
            m.statutoryDays = integer(o, "statutoryDays", where, 0, 3650, 0, true);
            m.promisedDays = integer(o, "promisedDays", where, 0, 3650, 0, true);
            if (m.promisedDays > m.statutoryDays)
                error(where,
                    tr("the promised limit (%1 working days) exceeds the statutory limit (%2)")
                        .arg(m.promisedDays)
                        .arg(m.statutoryDays));
            const QJsonValue fee = o.value(QLatin1String("fee"));
            if (!fee.isUndefined() && (!fee.isDouble() || fee.toDouble() < 0))
                error(where, tr("\"fee\" must be a number of yuan, 0 or more"));
            m.fee = fee.toDouble();
            m.visits = integer(o, "visits", where, 0, 5, 0, true);
            const QJsonValue resultValue = o.value(QLatin1String("result"));
            if (!resultValue.isObject()) {
                error(where, tr("\"result\" must be an object with \"type\" and \"name\""));
            } else {
                const QJsonObject result = resultValue.toObject();
                const Where rw {&where, "result", -1, {}};
                keys(result, rw, {"type", "name"});
                m.resultType = enumeration(result, "type", rw, kResultTypes, Matter::ResultType::Other);
                m.resultName = text(result, "name", rw, true);
            }
            m.courier = boolean(o, "courier", where);
            m.township = boolean(o, "township", where);

            const QJsonArray conditions = array(o, "acceptanceConditions", where, false);
            for (qsizetype k = 0; k < conditions.size(); ++k) {
                const Where cw {&where, "acceptanceConditions", k, {}};
                const QJsonObject co = object(conditions.at(k), cw);
                keys(co, cw, {"text", "requires"});
                AcceptanceCondition ac;
                ac.text = text(co, "text", cw, true);
                ac.check = condition(co, "requires", cw, c.m_questions);
                m.acceptanceConditions.append(ac);
            }

            const QJsonArray materials = array(o, "materials", where);
            m.materials.reserve(materials.size());
            for (qsizetype k = 0; k < materials.size(); ++k) {
                const QJsonObject mo = object(materials.at(k), Where {&where, "materials", k, {}});
                MatterMaterial mm;
                mm.material = mo.value(QLatin1String("material")).toString();
                const Where mw {&where, "materials", k, mm.material};
                keys(mo, mw, {"material", "necessity", "when", "originals", "copies", "mode", "supplementDays"});
                if (!c.m_materialIndex.contains(mm.material))
                    error(mw, tr("unknown material \"%1\"").arg(mm.material));
                for (const MatterMaterial &earlier : std::as_const(m.materials)) {
                    if (earlier.material == mm.material)
                        error(mw, tr("the material is listed twice in this matter"));
                }
                mm.necessity = enumeration(mo, "necessity", mw, kNecessities, MatterMaterial::Necessity::Required);
                const bool hasWhen = mo.contains(QLatin1String("when"));
                if (hasWhen)
                    mm.when = condition(mo, "when", mw, c.m_questions);
                mm.originals = integer(mo, "originals", mw, 0, 20, 0, true);
                mm.copies = integer(mo, "copies", mw, 0, 20, 0, true);
                mm.mode = enumeration(mo, "mode", mw, kModes, AcceptanceMode::KeepOriginal);
                const bool tolerable = mm.necessity == MatterMaterial::Necessity::Tolerable;
                mm.supplementDays = integer(mo, "supplementDays", mw, 1, 365, 0, tolerable);
                checkCounts(mm, mw);
                if (mm.necessity == MatterMaterial::Necessity::Conditional && !hasWhen)
                    error(mw, tr("a conditional material needs a \"when\" condition"));
                if (mm.necessity == MatterMaterial::Necessity::Required && hasWhen)
                    error(mw, tr("a required material has no \"when\"; make it conditional"));
                if (!tolerable && mo.contains(QLatin1String("supplementDays")))
                    error(mw, tr("only tolerable materials have \"supplementDays\""));
                if (tolerable && m.promisedDays == 0)
                    error(mw, tr("a matter done on the spot (promisedDays 0) cannot accept a missing material"));
                m.materials.append(std::move(mm));
            }
            m.produces = texts(o, "produces", where);
            for (const QString &p : std::as_const(m.produces)) {
                if (!c.m_materialIndex.contains(p))
                    error(where, tr("unknown material \"%1\" in \"produces\"").arg(p));
                for (const MatterMaterial &mm : std::as_const(m.materials)) {
                    if (mm.material == p)
                        error(where, tr("the matter both needs and produces \"%1\"").arg(p));
                }
            }
            if (c.m_matterIndex.contains(m.code))
                error(where, tr("duplicate matter code \"%1\"").arg(m.code));
            c.m_matterIndex.insert(m.code, c.m_matters.size());
            c.m_matters.append(std::move(m));
        }
    }

    void checkCounts(const MatterMaterial &mm, const Where &mw)
    {
        switch (mm.mode) {
        case AcceptanceMode::KeepOriginal:
            if (mm.originals < 1 || mm.copies != 0)
                error(mw, tr("mode keep-original needs originals ≥ 1 and copies 0"));
            break;
        case AcceptanceMode::TakeCopy:
        case AcceptanceMode::VerifyOriginalTakeCopy:
            if (mm.copies < 1 || mm.originals != 0)
                error(mw,
                    tr("mode %1 needs copies ≥ 1 and originals 0 (a verified original is returned)")
                        .arg(acceptanceModeKey(mm.mode)));
            break;
        case AcceptanceMode::KeepOriginalAndCopy:
            if (mm.originals < 1 || mm.copies < 1)
                error(mw, tr("mode original-and-copy needs originals ≥ 1 and copies ≥ 1"));
            break;
        }
    }

    void checkProducesCycles(const Catalog &c)
    {
        for (const auto &[matter, message] : Catalog::producesCycles(c.matters()))
            error(Where {nullptr, "matters", -1, matter}, message);
    }

    void readBundles(const QJsonArray &a, Catalog &c)
    {
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject o = object(a.at(i), Where {nullptr, "bundles", i, {}});
            Bundle b;
            b.id = o.value(QLatin1String("id")).toString();
            const Where where {nullptr, "bundles", i, b.id};
            keys(o, where, {"id", "name", "aliases", "questions", "items", "shared"});
            if (!idPattern().match(b.id).hasMatch())
                error(where, tr("\"id\" must be lower-case letters, digits and '-'"));
            b.name = text(o, "name", where, true);
            b.aliases = texts(o, "aliases", where);
            b.questions = texts(o, "questions", where);
            Condition::Questions scope;
            for (const QString &q : std::as_const(b.questions)) {
                if (!c.m_questions.contains(q))
                    error(where, tr("unknown question \"%1\" in \"questions\"").arg(q));
                else
                    scope.insert(q, c.m_questions.value(q));
            }
            const QJsonArray items = array(o, "items", where);
            if (items.isEmpty())
                error(where, tr("a bundle needs at least one item"));
            QSet<QString> usedMaterials;
            for (qsizetype k = 0; k < items.size(); ++k) {
                const Where iw {&where, "items", k, {}};
                const QJsonObject io = object(items.at(k), iw);
                keys(io, iw, {"matter", "when", "why"});
                BundleItem item;
                item.matter = text(io, "matter", iw, true);
                item.when = condition(io, "when", iw, scope);
                item.why = text(io, "why", iw, false);
                const Matter *m = c.m_matterIndex.contains(item.matter)
                    ? &c.m_matters.at(c.m_matterIndex.value(item.matter))
                    : nullptr;
                if (!m) {
                    error(iw, tr("unknown matter \"%1\"").arg(item.matter));
                } else {
                    // Everything the matter asks must be asked by the bundle too.
                    QStringList used;
                    for (const AcceptanceCondition &ac : m->acceptanceConditions)
                        used += ac.check.questions();
                    for (const MatterMaterial &mm : m->materials) {
                        used += mm.when.questions();
                        usedMaterials.insert(mm.material);
                    }
                    used.removeDuplicates();
                    for (const QString &q : std::as_const(used)) {
                        if (!scope.contains(q))
                            error(iw,
                                tr("matter \"%1\" depends on question \"%2\", which the bundle does not ask")
                                    .arg(item.matter, q));
                    }
                }
                for (const BundleItem &other : std::as_const(b.items)) {
                    if (other.matter == item.matter)
                        error(iw, tr("matter \"%1\" appears twice in the bundle").arg(item.matter));
                }
                b.items.append(item);
            }
            b.shared = texts(o, "shared", where);
            for (const QString &s : std::as_const(b.shared)) {
                if (!c.m_materialIndex.contains(s))
                    error(where, tr("unknown shared material \"%1\"").arg(s));
                else if (!usedMaterials.contains(s))
                    error(where, tr("shared material \"%1\" is not needed by any item").arg(s));
            }
            if (c.m_bundleIndex.contains(b.id))
                error(where, tr("duplicate bundle id \"%1\"").arg(b.id));
            c.m_bundleIndex.insert(b.id, c.m_bundles.size());
            c.m_bundles.append(b);
        }
    }

    QString m_file;
    QStringList m_errors;
};

Result<Catalog> Catalog::fromJson(const QByteArray &json, const QString &fileName)
{
    Catalog c;
    CatalogReader reader(fileName);
    const QStringList errors = reader.read(json, c);
    if (!errors.isEmpty())
        return Result<Catalog>::failure(errors.join(u'\n'));
    c.m_source = json;
    c.m_sha256 = Sha256::hex(json);
    return Result<Catalog>(std::move(c)); // moved: C++17 would copy it into the Result
}

QStringList Catalog::validate(const QByteArray &json, const QString &fileName)
{
    Catalog c;
    CatalogReader reader(fileName);
    return reader.read(json, c);
}

Result<Catalog> Catalog::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<Catalog>::failure(tr("%1: cannot read the catalogue: %2").arg(path, f.errorString()));
    return fromJson(f.readAll(), path);
}

const Department *Catalog::department(const QString &id) const
{
    const auto it = m_departmentIndex.constFind(id);
    return it == m_departmentIndex.constEnd() ? nullptr : &m_departments.at(it.value());
}

const MaterialDef *Catalog::material(const QString &id) const
{
    const auto it = m_materialIndex.constFind(id);
    return it == m_materialIndex.constEnd() ? nullptr : &m_materials.at(it.value());
}

const Matter *Catalog::matter(const QString &code) const
{
    const auto it = m_matterIndex.constFind(code);
    return it == m_matterIndex.constEnd() ? nullptr : &m_matters.at(it.value());
}

const Bundle *Catalog::bundle(const QString &id) const
{
    const auto it = m_bundleIndex.constFind(id);
    return it == m_bundleIndex.constEnd() ? nullptr : &m_bundles.at(it.value());
}

const Question *Catalog::question(const QString &id) const
{
    const auto it = m_questions.constFind(id);
    return it == m_questions.constEnd() ? nullptr : &it.value();
}

Result<QVariant> Catalog::parseAnswer(const QString &questionId, const QString &text) const
{
    using R = Result<QVariant>;
    const Question *q = question(questionId);
    if (!q)
        return R::failure(tr("unknown question \"%1\"").arg(questionId));
    const QString t = text.trimmed();
    switch (q->type) {
    case Question::Type::Number: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            return R::failure(tr("question \"%1\" needs a number, not \"%2\"").arg(questionId, text));
        return QVariant(v);
    }
    case Question::Type::YesNo: {
        static const QStringList yes = {QStringLiteral("yes"), QStringLiteral("true"), QStringLiteral("y"),
            QStringLiteral("1"), QStringLiteral("是")};
        static const QStringList no = {QStringLiteral("no"), QStringLiteral("false"), QStringLiteral("n"),
            QStringLiteral("0"), QStringLiteral("否")};
        if (yes.contains(t.toLower()))
            return QVariant(true);
        if (no.contains(t.toLower()))
            return QVariant(false);
        return R::failure(tr("question \"%1\" needs yes or no, not \"%2\"").arg(questionId, text));
    }
    case Question::Type::Choice:
        if (!q->hasOption(t)) {
            QStringList values;
            for (const Question::Option &o : q->options)
                values.append(o.value);
            return R::failure(tr("question \"%1\" needs one of %2, not \"%3\"")
                                  .arg(questionId, values.join(QStringLiteral(", ")), text));
        }
        return QVariant(t);
    }
    return R::failure(tr("unknown question type"));
}

// A matter that needs what another issues takes it from that one. When matters issue each
// other's inputs (A needs what B issues, B needs what A issues), inside a bundle both
// materials would be waived and nobody would hand either in: refuse the cycle, named.
QList<QPair<QString, QString>> Catalog::producesCycles(const QList<Matter> &matters)
{
    // A graph over matters and materials (matter → material it needs → matter issuing it),
    // searched depth-first once: linear in needs + produces, however many matters issue the
    // same material (hundreds issue the business licence).
    QHash<QString, QList<int>> producers; // material → indexes of the matters issuing it
    for (int i = 0; i < matters.size(); ++i) {
        for (const QString &p : matters.at(i).produces)
            producers[p].append(i);
    }
    enum class Mark { None, Open, Done };
    QList<Mark> matterMark(matters.size(), Mark::None);
    QHash<QString, Mark> materialMark;
    QStringList path; // "matter", then alternately material, matter
    QSet<QString> reported;
    QList<QPair<QString, QString>> cycles;
    // Matters sit at even places of the path, materials at odd ones.
    const auto placeOf = [&path](const QString &name, qsizetype parity) {
        for (qsizetype k = parity; k < path.size(); k += 2) {
            if (path.at(k) == name)
                return k;
        }
        return qsizetype(-1);
    };
    // The cycle closed by "path's last matter needs `material`, issued by path[first]".
    const auto report = [&](qsizetype first, const QString &material) {
        QStringList cycle;
        for (qsizetype k = first; k < path.size(); k += 2) {
            const QString next = k + 2 < path.size() ? path.at(k + 2) : path.at(first);
            const QString needs = k + 1 < path.size() ? path.at(k + 1) : material;
            cycle << tr("\"%1\" needs \"%2\", issued by \"%3\"").arg(path.at(k), needs, next);
        }
        const QString text = cycle.join(tr("; "));
        if (!reported.contains(text)) {
            reported.insert(text);
            cycles.append({path.at(first),
                tr("\"produces\" forms a cycle (%1): each matter would wait for the other").arg(text)});
        }
    };
    std::function<void(int)> visit = [&](int index) {
        const Matter &m = matters.at(index);
        matterMark[index] = Mark::Open;
        path.append(m.code);
        for (const MatterMaterial &mm : m.materials) {
            const auto issued = producers.constFind(mm.material);
            if (issued == producers.constEnd())
                continue;
            const Mark state = materialMark.value(mm.material, Mark::None);
            if (state == Mark::Open) {
                // Its producer on the path (right after the material) starts the cycle.
                report(placeOf(mm.material, 1) + 1, mm.material);
                continue;
            }
            if (state == Mark::Done)
                continue;
            materialMark.insert(mm.material, Mark::Open);
            path.append(mm.material);
            for (int producer : issued.value()) {
                if (matterMark.at(producer) == Mark::Open) {
                    path.removeLast();
                    report(placeOf(matters.at(producer).code, 0), mm.material);
                    path.append(mm.material);
                } else if (matterMark.at(producer) == Mark::None) {
                    visit(producer);
                }
            }
            path.removeLast();
            materialMark.insert(mm.material, Mark::Done);
        }
        path.removeLast();
        matterMark[index] = Mark::Done;
    };
    for (int i = 0; i < matters.size(); ++i) {
        if (matterMark.at(i) == Mark::None)
            visit(i);
    }
    return cycles;
}

} // namespace ow
