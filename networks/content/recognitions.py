"""The labels, awards and commitments of Angers, written for this site in French and English.

Only what the sources say is dated: the European Diploma of the Europe Prize (2018) and the "Ville
euro-citoyenne" label (2012). The other distinctions are recorded without a year or validity period; staff add
them in the admin when known (Tree Cities of the World, for instance, is valid one year at a time).
"""

RECOGNITIONS = [
    {
        "slug": "europe-prize",
        "kind": "award",
        "renewal": "one_off",
        "established_year": 1955,
        "display_order": 10,
        "website": "https://pace.coe.int/en/pages/europe-prize",
        "name_fr": "Prix de l’Europe",
        "name_en": "Europe Prize",
        "awarding_body_fr": "Assemblée parlementaire du Conseil de l’Europe",
        "awarding_body_en": "Parliamentary Assembly of the Council of Europe",
        "description_fr": (
            "Créé en 1955 par l’Assemblée parlementaire du Conseil de l’Europe, à Strasbourg, le Prix de "
            "l’Europe distingue les communes qui s’investissent tout particulièrement pour faire vivre l’idéal "
            "européen. Il compte quatre niveaux successifs, du Diplôme européen jusqu’au Prix de l’Europe "
            "lui-même."
        ),
        "description_en": (
            "Set up in 1955 by the Parliamentary Assembly of the Council of Europe in Strasbourg, the Europe "
            "Prize honours municipalities that do particularly much to spread the European ideal. It has four "
            "successive levels, from the European Diploma up to the Europe Prize itself."
        ),
        "levels": [
            {"rank": 1, "name_fr": "Diplôme européen", "name_en": "European Diploma"},
            {"rank": 2, "name_fr": "Drapeau d’honneur", "name_en": "Flag of Honour"},
            {"rank": 3, "name_fr": "Plaque d’honneur", "name_en": "Plaque of Honour"},
            {"rank": 4, "name_fr": "Prix de l’Europe", "name_en": "Europe Prize"},
        ],
        "distinctions": [{"year": 2018, "level_rank": 1}],
    },
    {
        "slug": "ville-euro-citoyenne",
        "kind": "label",
        "renewal": "one_off",
        "established_year": None,
        "display_order": 20,
        "website": "",
        "name_fr": "Ville euro-citoyenne",
        "name_en": "Euro-citizen City (Ville euro-citoyenne)",
        "awarding_body_fr": "Ministère des Affaires étrangères",
        "awarding_body_en": "French Ministry of Foreign Affairs",
        "description_fr": (
            "Ce label du ministère des Affaires étrangères distingue l’engagement européen d’une ville. Angers "
            "l’a reçu pour son dispositif d’échanges de jeunes « ambassadeurs » : en place depuis 1967 et sans "
            "équivalent en France, il fait vivre les partenariats européens de la ville et donne de l’Europe "
            "une image dynamique et positive."
        ),
        "description_en": (
            "This label of the French Ministry of Foreign Affairs recognises a city's European commitment. "
            "Angers received it for its exchange scheme for young “ambassadors”: running since 1967 and unique "
            "in France, it keeps the city's European partnerships alive and gives Europe a lively, positive "
            "image."
        ),
        "levels": [],
        "distinctions": [
            {
                "year": 2012,
                "note_fr": "Pour le programme des jeunes ambassadeurs",
                "note_en": "For the youth ambassadors programme",
            }
        ],
    },
    {
        "slug": "ville-europeenne",
        "kind": "label",
        "renewal": "one_off",
        "established_year": None,
        "display_order": 30,
        "website": "",
        "name_fr": "Ville européenne",
        "name_en": "European City (Ville européenne)",
        "awarding_body_fr": "",
        "awarding_body_en": "",
        "description_fr": (
            "Ce label récompense les communes pour leur engagement européen, qu’il passe par des gestes "
            "symboliques ou par des actions éducatives, de coopération, citoyennes et culturelles."
        ),
        "description_en": (
            "This label rewards municipalities for their European commitment, whether shown through symbolic "
            "gestures or through educational, cooperation, civic and cultural activities."
        ),
        "levels": [],
        "distinctions": [{"year": None}],
    },
    {
        "slug": "tree-cities-of-the-world",
        "name_language": "en",
        "kind": "label",
        "renewal": "periodic",
        "renewal_period_years": 1,
        "established_year": None,
        "display_order": 40,
        "website": "https://treecitiesoftheworld.org/",
        "name_fr": "Tree Cities of the World",
        "name_en": "Tree Cities of the World",
        "awarding_body_fr": (
            "Organisation des Nations unies pour l’alimentation et l’agriculture (FAO) et Arbor Day Foundation"
        ),
        "awarding_body_en": "Food and Agriculture Organization of the United Nations (FAO) and Arbor Day Foundation",
        "description_fr": (
            "Cette reconnaissance distingue les villes qui mènent des politiques et des actions en faveur de "
            "la forêt urbaine et de la végétation en ville, pour une gestion durable et respectueuse de la "
            "nature en milieu urbain."
        ),
        "description_en": (
            "This recognition goes to cities whose policies and actions support urban forests and greenery, "
            "for a sustainable, environmentally friendly way of managing nature in town."
        ),
        "levels": [],
        "distinctions": [{"year": None}],
    },
    {
        "slug": "green-city-accord",
        "name_language": "en",
        "kind": "commitment",
        "renewal": "commitment",
        "established_year": None,
        "display_order": 50,
        "website": "https://environment.ec.europa.eu/topics/urban-environment/green-city-accord_en",
        "name_fr": "Green City Accord",
        "name_en": "Green City Accord",
        "awarding_body_fr": "Commission européenne",
        "awarding_body_en": "European Commission",
        "description_fr": (
            "Un mouvement de villes européennes engagées pour la protection de l’environnement. Les "
            "signataires s’engagent à aller plus loin d’ici 2030, avec des objectifs chiffrés dans cinq "
            "domaines : l’air, l’eau, la nature et la biodiversité, l’économie circulaire et les déchets, et "
            "le bruit."
        ),
        "description_en": (
            "A movement of European cities committed to protecting the environment. Signatories pledge to do "
            "more by 2030, with targets in five areas: air, water, nature and biodiversity, the circular "
            "economy and waste, and noise."
        ),
        "levels": [],
        "distinctions": [{"year": None, "note_fr": "Ville signataire", "note_en": "Signatory city"}],
    },
    {
        "slug": "age-friendly-cities",
        "kind": "commitment",
        "renewal": "commitment",
        "established_year": None,
        "display_order": 60,
        "website": "https://extranet.who.int/agefriendlyworld/",
        "name_fr": "Ville amie des aînés",
        "name_en": "Age-friendly City",
        "awarding_body_fr": "Organisation mondiale de la santé (OMS)",
        "awarding_body_en": "World Health Organization (WHO)",
        "description_fr": (
            "Cette démarche de l’OMS rassemble les communes qui s’engagent pour le bien-être de leurs "
            "habitants âgés, aussi bien dans leurs politiques publiques que dans l’aménagement de la ville."
        ),
        "description_en": (
            "This WHO approach brings together municipalities that work for the well-being of their older "
            "residents, in their public policies as much as in the way the city is planned and built."
        ),
        "levels": [],
        "distinctions": [
            {
                "year": None,
                "note_fr": "Membre du réseau des villes amies des aînés",
                "note_en": "Member of the network of age-friendly cities",
            }
        ],
    },
]
