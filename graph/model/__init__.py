"""The model stage: the vocabulary (namespaces, vocab.ttl, the kinds table's terms),
the SHACL shapes, IRI minting, and a resolved corpus as RDF quads (:mod:`graph.model.rdf`).

>>> from graph.model.namespaces import entity_iri
>>> str(entity_iri("anna-berg"))
'https://w3id.org/newskg/id/entity/anna-berg'
"""
