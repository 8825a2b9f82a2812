"""The networks Angers takes part in, written for this site in French and English.

Facts from the city's international pages (seeds 000 and 001). Figures carry no reference year because the
source gives none: staff add it in the admin when they update a figure.
"""

NETWORKS = [
    {
        "slug": "afccre",
        "kind": "city",
        "scope": "national",
        "founded_year": 1951,
        "display_order": 10,
        "website": "https://www.afccre.org/",
        "name_fr": "Association française du Conseil des Communes et Régions d’Europe",
        "name_en": "French Association of the Council of European Municipalities and Regions",
        "acronym_fr": "AFCCRE",
        "acronym_en": "AFCCRE",
        "description_fr": (
            "Née en 1951 à l’initiative d’élus locaux, dans l’Europe qui se relevait de la guerre, l’AFCCRE est "
            "à l’origine du mouvement des jumelages entre villes européennes.\n\n"
            "Elle regroupe aujourd’hui plus de 1\u00a0500 collectivités françaises et européennes : communes, "
            "intercommunalités, départements et régions. Elle les tient au courant de l’actualité et des "
            "politiques de l’Union européenne et les aide à y prendre toute leur part."
        ),
        "description_en": (
            "Set up in 1951 by local elected representatives, in a Europe recovering from the war, AFCCRE "
            "started the town-twinning movement between European cities.\n\n"
            "It now gathers more than 1,500 French and European local and regional authorities: "
            "municipalities, groupings of municipalities, departments and regions. It keeps them up to date "
            "on European Union news and policies and helps them play their full part in them."
        ),
        "city_benefits_fr": (
            "Une information fiable sur les politiques et programmes européens, et un appui pour faire "
            "vivre les jumelages que la ville entretient depuis 1964."
        ),
        "city_benefits_en": (
            "Reliable information on European policies and programmes, and support for the twinnings the "
            "city has kept alive since 1964."
        ),
        "figures": [{"measure": "members", "qualifier": "more_than", "value": 1500}],
    },
    {
        "slug": "cites-unies-france",
        "kind": "city",
        "scope": "national",
        "founded_year": 1975,
        "display_order": 20,
        "website": "https://cites-unies-france.org/",
        "name_fr": "Cités Unies France",
        "name_en": "United Cities France",
        "acronym_fr": "CUF",
        "acronym_en": "CUF",
        "description_fr": (
            "Depuis 1975, Cités Unies France fédère des collectivités françaises de toutes tailles (villes, "
            "départements, régions) engagées dans l’action internationale. Le réseau aide ses 300 membres à "
            "faire reconnaître cette action, les informe et les accompagne dans l’ouverture de leur territoire "
            "au monde.\n\n"
            "Ses groupes par pays et par thème (développement urbain, tourisme, culture, environnement…) "
            "permettent de mettre les expériences en commun et de renforcer les coopérations entre territoires."
        ),
        "description_en": (
            "Since 1975, Cités Unies France has federated French local authorities of every size (cities, "
            "departments, regions) that act internationally. The network helps its 300 members get this work "
            "recognised, keeps them informed and supports them as they open their territory to the world.\n\n"
            "Its country and theme groups (urban development, tourism, culture, environment and more) let "
            "members pool what they have learnt and strengthen cooperation between territories."
        ),
        "city_benefits_fr": (
            "Un lieu d’échange avec les autres collectivités françaises actives à l’international, pour "
            "comparer les pratiques de coopération et faire reconnaître l’action internationale de la ville."
        ),
        "city_benefits_en": (
            "A place to meet the other French local authorities working internationally, compare ways of "
            "cooperating and get the city's international work recognised."
        ),
        "figures": [{"measure": "members", "qualifier": "exact", "value": 300}],
    },
    {
        "slug": "uclg",
        "kind": "city",
        "scope": "worldwide",
        "founded_year": 2004,
        "display_order": 30,
        "website": "https://www.uclg.org/",
        "name_fr": "Cités et Gouvernements Locaux Unis",
        "name_en": "United Cities and Local Governments",
        "acronym_fr": "CGLU",
        "acronym_en": "UCLG",
        "description_fr": (
            "Créée en 2004 avec la participation de Cités Unies France, CGLU est la plus grande organisation "
            "de gouvernements locaux au monde. Présente sur tous les continents, elle représente près de "
            "70\u00a0% de la population de la planète.\n\n"
            "Elle porte le regard des autorités locales sur les grands enjeux mondiaux, coordonne leur action "
            "et organise l’échange de bonnes pratiques."
        ),
        "description_en": (
            "Set up in 2004 with the involvement of Cités Unies France, UCLG is the largest organisation of "
            "local governments in the world. With members on every continent, it speaks for nearly 70% of the "
            "planet's population.\n\n"
            "It brings the local point of view to global issues, coordinates the work of local authorities and "
            "organises the exchange of good practice."
        ),
        "city_benefits_fr": (
            "Faire entendre la voix des villes dans les débats internationaux et apprendre de collectivités "
            "du monde entier."
        ),
        "city_benefits_en": (
            "A way to make cities heard in international debates and to learn from local governments all "
            "over the world."
        ),
        "figures": [{"measure": "world_share", "qualifier": "nearly", "value": 70}],
    },
    {
        "slug": "eurocities",
        "kind": "city",
        "scope": "european",
        "founded_year": 1986,
        "display_order": 40,
        "website": "https://eurocities.eu/",
        "headquarters_fr": "Bruxelles",
        "headquarters_en": "Brussels",
        "name_fr": "Eurocities",
        "name_en": "Eurocities",
        "acronym_fr": "",
        "acronym_en": "",
        "description_fr": (
            "Depuis 1986, Eurocities réunit les grandes villes d’Europe autour d’une ambition commune : "
            "construire ensemble un avenir meilleur. Ses villes membres s’inspirent les unes des autres, "
            "partagent leurs bonnes pratiques et coordonnent leurs actions pour le climat, l’équité sociale et "
            "une économie à la fois locale et mondiale.\n\n"
            "Depuis Bruxelles, le réseau fait aussi entendre la voix des villes dans l’élaboration des "
            "politiques européennes et rapproche décideurs et citoyens."
        ),
        "description_en": (
            "Since 1986, Eurocities has brought Europe's major cities together around one ambition: building a "
            "better future together. Member cities learn from one another, share good practice and coordinate "
            "their action for the climate, social fairness and an economy that is both local and global.\n\n"
            "From Brussels, the network also gives cities a say in European policy-making and brings "
            "decision-makers closer to citizens."
        ),
        "city_benefits_fr": (
            "Comparer ses politiques à celles des grandes villes européennes, faire connaître les réussites "
            "angevines et peser sur les décisions européennes qui concernent les villes."
        ),
        "city_benefits_en": (
            "A way to compare the city's policies with those of Europe's major cities, show what works in "
            "Angers and weigh on the European decisions that affect cities."
        ),
        "figures": [
            {"measure": "members", "qualifier": "more_than", "value": 200},
            {"measure": "countries", "qualifier": "exact", "value": 38},
            {"measure": "population", "qualifier": "exact", "value": 130_000_000},
        ],
    },
    {
        "slug": "pays-de-la-loire-cooperation-internationale",
        "kind": "city",
        "scope": "regional",
        "founded_year": None,
        "display_order": 50,
        "website": "",
        "headquarters_fr": "Angers",
        "headquarters_en": "Angers",
        "name_fr": "Pays de la Loire Coopération Internationale",
        "name_en": "Pays de la Loire International Cooperation",
        "acronym_fr": "",
        "acronym_en": "",
        "description_fr": (
            "Autrefois appelé ALCID, ce réseau régional multi-acteurs rassemble celles et ceux qui, dans les "
            "Pays de la Loire, agissent pour la coopération et la solidarité internationales : collectivités, "
            "associations, entreprises, universités… Ensemble, ils créent des synergies à l’international qui "
            "enrichissent aussi leurs territoires.\n\n"
            "Installée à Angers, l’association est soutenue par la Région des Pays de la Loire et par le "
            "ministère de l’Europe et des Affaires étrangères. Elle favorise le partage d’expériences et "
            "d’informations, le dialogue, la mise en commun des moyens et la concertation entre acteurs."
        ),
        "description_en": (
            "Formerly called ALCID, this regional multi-actor network brings together those in the Pays de la "
            "Loire who work for international cooperation and solidarity: local authorities, associations, "
            "businesses, universities and others. Together they build international links that also enrich "
            "their own territories.\n\n"
            "Based in Angers, the association is backed by the Pays de la Loire Region and the French Ministry "
            "for Europe and Foreign Affairs. It helps its members share experience and information, talk to one "
            "another, pool resources and coordinate their work."
        ),
        "city_benefits_fr": (
            "Un réseau de proximité, installé à Angers, pour agir avec les associations, établissements et "
            "entreprises de la région engagés dans la coopération internationale."
        ),
        "city_benefits_en": (
            "A network close at hand, based in Angers, through which the city works with the region's "
            "associations, institutions and businesses involved in international cooperation."
        ),
        "figures": [],
    },
    {
        "slug": "global-covenant-of-mayors",
        "kind": "thematic",
        "scope": "worldwide",
        "founded_year": None,
        "display_order": 10,
        "website": "https://www.globalcovenantofmayors.org/",
        "name_fr": "Convention mondiale des maires pour le climat et l’énergie",
        "name_en": "Global Covenant of Mayors for Climate and Energy",
        "acronym_fr": "GCoM",
        "acronym_en": "GCoM",
        "description_fr": (
            "Réseau international de villes mobilisées contre le changement climatique, la Convention mondiale "
            "des maires compte 12\u00a0761 villes de 142 pays, où vit plus d’un milliard de personnes. Elle "
            "coordonne des solutions locales au service d’un but commun : réduire les émissions de CO₂ d’ici "
            "2030, avec pour horizon une société résiliente et sobre en carbone."
        ),
        "description_en": (
            "An international network of cities taking action on climate change, the Global Covenant of Mayors "
            "counts 12,761 cities in 142 countries, home to more than a billion people. It coordinates local "
            "solutions towards a shared aim: cutting CO₂ emissions by 2030, on the way to a resilient, "
            "low-emission society."
        ),
        "city_benefits_fr": (
            "Un cadre commun pour fixer et suivre ses objectifs pour le climat et l’énergie, et se comparer aux "
            "villes du monde entier."
        ),
        "city_benefits_en": (
            "A shared framework to set and track the city's climate and energy goals and to compare its "
            "progress with cities all over the world."
        ),
        "figures": [
            {"measure": "members", "qualifier": "exact", "value": 12761},
            {"measure": "countries", "qualifier": "exact", "value": 142},
            {"measure": "population", "qualifier": "more_than", "value": 1_000_000_000},
        ],
    },
    {
        "slug": "educating-cities",
        "kind": "thematic",
        "scope": "worldwide",
        "founded_year": 1994,
        "display_order": 20,
        "website": "https://www.edcities.org/",
        "name_fr": "Association internationale des villes éducatrices",
        "name_en": "International Association of Educating Cities",
        "acronym_fr": "EdCities",
        "acronym_en": "EdCities",
        "description_fr": (
            "Fondée en 1994, l’association réunit plus de 500 villes de 34 pays qui ont adopté la Charte des "
            "villes éducatrices. Elle fait de l’éducation tout au long de la vie un axe stratégique du "
            "développement local, mobilise l’ensemble des acteurs éducatifs et aide ses membres à coordonner "
            "leurs projets et à partager leurs bonnes pratiques."
        ),
        "description_en": (
            "Founded in 1994, the association brings together more than 500 cities in 34 countries that have "
            "adopted the Charter of Educating Cities. It makes lifelong learning a strategic line of local "
            "development, involves everyone who plays an educational role, and helps its members coordinate "
            "projects and share good practice."
        ),
        "city_benefits_fr": (
            "Partager avec d’autres villes éducatrices ce qui se fait à Angers pour apprendre à tout âge, et "
            "s’inspirer de leurs projets."
        ),
        "city_benefits_en": (
            "A way to share with other educating cities what Angers does for learning at every age, and to draw "
            "on their projects."
        ),
        "figures": [
            {"measure": "members", "qualifier": "more_than", "value": 500},
            {"measure": "countries", "qualifier": "exact", "value": 34},
        ],
    },
]
