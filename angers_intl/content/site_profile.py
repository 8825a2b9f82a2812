# The city's identity, in both languages. Another city replaces this file (or edits the record in the admin).
SITE_PROFILE = {
    "city_name_fr": "Angers",
    "city_name_en": "Angers",
    "site_title_fr": "Angers à l’international",
    "site_title_en": "Angers International",
    "tagline_fr": "Jumelages, coopérations et réseaux de la Ville d’Angers",
    "tagline_en": "Twin towns, cooperation and city networks of the City of Angers",
    "intro_fr": (
        "Seizième ville de France, Angers tisse depuis les années 1960 des liens durables avec des "
        "villes d’Europe, d’Afrique, d’Asie et d’Amérique. Ces partenariats rapprochent les habitants, "
        "font naître des projets communs en matière d’économie, d’éducation, de culture, de santé, de "
        "sport, de tourisme ou d’action sociale, et font connaître le territoire au-delà des frontières.\n\n"
        "La ville prend aussi part à des réseaux de villes européens et mondiaux pour apprendre des "
        "autres, partager ses réussites et faire entendre la voix des territoires."
    ),
    "intro_en": (
        "France’s sixteenth largest city, Angers has built lasting ties since the 1960s with cities in "
        "Europe, Africa, Asia and America. These partnerships bring people together, give rise to joint "
        "projects in the economy, education, culture, health, sport, tourism and social action, and make "
        "the area known beyond its borders.\n\n"
        "The city also takes part in European and global city networks, to learn from others, share what "
        "works and make local voices heard."
    ),
    "publisher_fr": "Ville d’Angers",
    "publisher_en": "City of Angers",
    "postal_address_fr": "Hôtel de ville\nBoulevard de la Résistance et de la Déportation\n49020 Angers Cedex 02",
    "postal_address_en": "City Hall\nBoulevard de la Résistance et de la Déportation\n49020 Angers Cedex 02, France",
    "contact_email": "relations.internationales@ville.angers.fr",
    "website": "https://www.angers.fr/",
    "publication_director_fr": "Le maire d’Angers",
    "publication_director_en": "The Mayor of Angers",
    # The hosting provider depends on where this installation runs: staff enter it in the admin
    # (the legal notice says it is to be completed until then).
}
