# User-defined functions for the Morph-KGC mapping of the synthetic corpus
# (bench/morph/mapping.rml.ttl). Morph-KGC loads this file itself (config
# option `udfs`) and provides the `udf` decorator.
#
# They compute what plain RML cannot: datatypes that depend on a date's precision or a number's form, the
# context of a quote in its source text, and per-kind classes.
#
# Literals returned by a function are written by Morph-KGC 2.10 without
# escaping (it escapes another column), so the functions that may return
# quotes, backslashes or line breaks escape them for N-Triples themselves.
#
# The data directory (for the source texts) is taken from $LG_DATA.

import json
import os

FN = 'https://example.org/labourgraph/fn#'
B = 'https://example.org/labourgraph/'
LG = 'https://example.org/labourgraph/ontology#'
XSD = 'http://www.w3.org/2001/XMLSchema#'
ORG = 'http://www.w3.org/ns/org#'
SCHEMA = 'http://schema.org/'
CONTEXT_CHARS = 32

_TEXTS = {}
_SOURCES = None
_TOPICS = None


def _escape(text):
    return (text.replace('\\', '\\\\').replace('"', '\\"')
            .replace('\n', '\\n').replace('\r', '\\r'))


def _data():
    return os.environ.get('LG_DATA', 'data')


def _sources():
    global _SOURCES
    if _SOURCES is None:
        _SOURCES = {}
        with open(os.path.join(_data(), 'sources', 'sources.jsonl'), encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    _SOURCES[record['id']] = record.get('text') or record['id'] + '.txt'
    return _SOURCES


def _text(relative):
    if relative not in _TEXTS:
        path = os.path.join(_data(), 'sources', relative)
        with open(path, encoding='utf-8', newline='') as f:
            _TEXTS[relative] = f.read()
    return _TEXTS[relative]


def _term(value):
    return LG + ''.join(p[:1].upper() + p[1:] for p in value.split('-'))


@udf(fun_id=FN + 'quotePrefix', source=FN + 'source', quote=FN + 'quote')
def quote_prefix(source, quote):
    text = _text(_sources()[source])
    at = text.find(quote)
    if at < 0:
        return None
    return _escape(text[max(0, at - CONTEXT_CHARS):at])


@udf(fun_id=FN + 'quoteSuffix', source=FN + 'source', quote=FN + 'quote')
def quote_suffix(source, quote):
    text = _text(_sources()[source])
    at = text.find(quote)
    if at < 0:
        return None
    end = at + len(quote)
    return _escape(text[end:end + CONTEXT_CHARS])


@udf(fun_id=FN + 'textOf', text=FN + 'text')
def text_of(text):
    return _escape(_text(text))


@udf(fun_id=FN + 'dateType', value=FN + 'value')
def date_type(value):
    return XSD + {10: 'date', 7: 'gYearMonth', 4: 'gYear'}[len(value)]


# JSON numbers reach the functions as pandas floats ("12.0" for 12): an
# integral JSON number becomes xsd:integer, any other xsd:decimal. (The
# synthetic decimals never end in ".0", so the two stay distinguishable.)
def _is_integer(value):
    return value.endswith('.0') or '.' not in value


@udf(fun_id=FN + 'numberValue', value=FN + 'value')
def number_value(value):
    return value[:-2] if value.endswith('.0') else value


@udf(fun_id=FN + 'numberType', value=FN + 'value')
def number_type(value):
    return XSD + ('integer' if _is_integer(value) else 'decimal')


@udf(fun_id=FN + 'minValue', value=FN + 'value', qualifier=FN + 'qualifier')
def min_value(value, qualifier):
    return number_value(value) if qualifier in ('more-than', 'at-least') else None


@udf(fun_id=FN + 'maxValue', value=FN + 'value', qualifier=FN + 'qualifier')
def max_value(value, qualifier):
    return number_value(value) if qualifier == 'less-than' else None


@udf(fun_id=FN + 'term', value=FN + 'value')
def term(value):
    return _term(value)


_UNION = [ORG + 'FormalOrganization', LG + 'TradeUnion', SCHEMA + 'WorkersUnion']
_ORG_CLASSES = {
    'national-trade-union-centre': _UNION + [LG + 'NationalTradeUnionCentre'],
    'international-trade-union-confederation': _UNION + [LG + 'InternationalTradeUnionConfederation'],
    'global-union-federation': _UNION + [LG + 'GlobalUnionFederation'],
    'regional-trade-union-council': _UNION + [LG + 'RegionalTradeUnionCouncil'],
    'sectoral-union': _UNION + [LG + 'SectoralTradeUnion'],
    'regional-union': _UNION + [LG + 'RegionalTradeUnion'],
    'trade-union': _UNION,
    'employers-organisation': [ORG + 'FormalOrganization', LG + 'EmployersOrganisation'],
    'foundation': [ORG + 'FormalOrganization', LG + 'Foundation'],
    'intergovernmental-organisation': [ORG + 'FormalOrganization', LG + 'IntergovernmentalOrganisation'],
    'government-body': [ORG + 'FormalOrganization', LG + 'GovernmentBody', SCHEMA + 'GovernmentOrganization'],
    'legislature': [ORG + 'FormalOrganization', LG + 'Legislature', SCHEMA + 'GovernmentOrganization'],
    'department': [ORG + 'OrganizationalUnit', LG + 'Department'],
    'regional-office': [ORG + 'OrganizationalUnit', LG + 'RegionalOffice'],
    'governing-body': [ORG + 'OrganizationalUnit', LG + 'GoverningBody'],
    'group': [ORG + 'Organization', LG + 'OrganisationGroup'],
    'other': [ORG + 'FormalOrganization'],
}
_UNITS = ('department', 'regional-office', 'governing-body')


@udf(fun_id=FN + 'orgClasses', kind=FN + 'kind')
def org_classes(kind):
    return _ORG_CLASSES[kind] + [SCHEMA + 'Organization']


@udf(fun_id=FN + 'parentPredicate', kind=FN + 'kind')
def parent_predicate(kind):
    return ORG + ('unitOf' if kind in _UNITS else 'subOrganizationOf')


@udf(fun_id=FN + 'childPredicate', kind=FN + 'kind')
def child_predicate(kind):
    return ORG + ('hasUnit' if kind in _UNITS else 'hasSubOrganization')


_EVENT_CLASSES = {
    'meeting': 'Meeting', 'session': 'Session', 'plenary-session': 'PlenarySession',
    'panel-section': 'PanelSection', 'forum': 'Forum', 'seminar': 'Seminar',
    'seminar-day': 'SeminarDay', 'conference': 'Conference', 'visit': 'Visit',
}


@udf(fun_id=FN + 'eventClass', kind=FN + 'kind')
def event_class(kind):
    return LG + _EVENT_CLASSES[kind] if kind in _EVENT_CLASSES else None


_AGREEMENT_CLASSES = {
    'signed-agreement': 'SignedAgreement', 'verbal-commitment': 'VerbalCommitment', 'plan': 'Plan',
    'invitation': 'Invitation', 'resolution': 'Resolution', 'general-agreement': 'GeneralAgreement',
}


@udf(fun_id=FN + 'agreementClass', kind=FN + 'kind')
def agreement_class(kind):
    return LG + _AGREEMENT_CLASSES[kind] if kind in _AGREEMENT_CLASSES else None


_DOCUMENT_CLASSES = {
    'strategy': ['Strategy'], 'concept': ['PolicyConcept'], 'programme': ['Programme'],
    'law': [], 'code': ['Code'], 'constitution': ['Constitution'], 'convention': ['Convention'],
    'resolution': ['ResolutionDocument'], 'agreement': ['AgreementDocument'], 'report': ['Report'],
    'other': [],
}


@udf(fun_id=FN + 'documentClasses', kind=FN + 'kind')
def document_classes(kind):
    classes = [LG + c for c in _DOCUMENT_CLASSES[kind]]
    if kind in ('law', 'code', 'constitution'):
        classes.append(SCHEMA + 'Legislation')
    return classes or None


@udf(fun_id=FN + 'placeClass', kind=FN + 'kind')
def place_class(kind):
    return {'city': SCHEMA + 'City', 'country': SCHEMA + 'Country',
            'region': SCHEMA + 'AdministrativeArea'}.get(kind)


@udf(fun_id=FN + 'periodNode', id=FN + 'id', start=FN + 'start')
def period_node(id, start):
    return f'{B}document/{id}/period'


@udf(fun_id=FN + 'isoNode', id=FN + 'id', alpha2=FN + 'alpha2')
def iso_node(id, alpha2):
    return f'{B}place/{id}/iso3166'


def _topics():
    global _TOPICS
    if _TOPICS is None:
        _TOPICS = {}
        with open(os.path.join(_data(), 'topics.jsonl'), encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    _TOPICS[record['id']] = bool(record.get('broader'))
    return _TOPICS


@udf(fun_id=FN + 'topScheme', id=FN + 'id')
def top_scheme(id):
    return None if _topics()[id] else f'{B}topic/scheme'
