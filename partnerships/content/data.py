"""Angers' partner cities, written for this site in French and English (facts from the city's page on
its international relations; coordinates are city centres). Another city replaces this file.

Translated fields are {"fr": …, "en": …}; Markdown is allowed in summary, body and text.
"""

import datetime
from decimal import Decimal

from ..models import AgreementType, PartnershipStatus

THEMES = [
    {"slug": "economy", "display_order": 1, "name": {"fr": "Économie", "en": "Economy"}},
    {"slug": "education", "display_order": 2, "name": {"fr": "Éducation", "en": "Education"}},
    {"slug": "culture", "display_order": 3, "name": {"fr": "Culture", "en": "Culture"}},
    {"slug": "health", "display_order": 4, "name": {"fr": "Santé", "en": "Health"}},
    {"slug": "sport", "display_order": 5, "name": {"fr": "Sport", "en": "Sport"}},
    {"slug": "tourism", "display_order": 6, "name": {"fr": "Tourisme", "en": "Tourism"}},
    {"slug": "social-action", "display_order": 7, "name": {"fr": "Action sociale", "en": "Social action"}},
    {"slug": "youth", "display_order": 8, "name": {"fr": "Jeunesse", "en": "Youth"}},
]

CITIES = [
    {
        "slug": "haarlem",
        "country": "NL",
        "agreement_type": AgreementType.TWINNING,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 1964,
        "display_order": 1,
        "latitude": Decimal("52.3874"),
        "longitude": Decimal("4.6462"),
        "website": "https://www.haarlem.nl/",
        "published": True,
        "themes": ["culture", "education", "youth"],
        "name": {"fr": "Haarlem", "en": "Haarlem"},
        "region": {"fr": "Hollande-Septentrionale", "en": "North Holland"},
        "summary": {
            "fr": (
                "Chef-lieu de la province de Hollande-Septentrionale, à une vingtaine de kilomètres "
                "d’Amsterdam, Haarlem est avec Osnabrück la plus ancienne ville jumelle d’Angers. "
                "Leur jumelage a été officialisé en 1964."
            ),
            "en": (
                "Haarlem, the capital of the province of North Holland, some twenty kilometres from "
                "Amsterdam, is one of Angers’ two oldest twin towns, alongside Osnabrück. The twinning "
                "was made official in 1964."
            ),
        },
        "body": {
            "fr": (
                "Le jumelage avec Haarlem appartient à la première génération des jumelages européens. "
                "Nés après la Seconde Guerre mondiale, ils voulaient rapprocher les habitants des "
                "différents pays pendant que les États, de leur côté, se réconciliaient.\n\n"
                "Depuis, la relation vit notamment grâce aux échanges de jeunes « ambassadeurs » lancés "
                "par Angers en 1967 : des jeunes des deux villes découvrent la vie de l’autre côté de "
                "la frontière et en rapportent une image concrète de l’Europe."
            ),
            "en": (
                "The Haarlem twinning belongs to the first generation of European twinnings. Born after "
                "the Second World War, they set out to bring the people of different countries closer "
                "while governments, for their part, were making peace.\n\n"
                "Since then the relationship has been kept alive in particular by the young "
                "“ambassadors” exchange that Angers started in 1967: young people from both cities "
                "discover life across the border and bring back a first-hand picture of Europe."
            ),
        },
    },
    {
        "slug": "osnabruck",
        "country": "DE",
        "agreement_type": AgreementType.TWINNING,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 1964,
        "display_order": 2,
        "latitude": Decimal("52.2799"),
        "longitude": Decimal("8.0472"),
        "website": "https://www.osnabrueck.de/",
        "published": True,
        "themes": ["culture", "education", "youth"],
        "name": {"fr": "Osnabrück", "en": "Osnabrück"},
        "region": {"fr": "Basse-Saxe", "en": "Lower Saxony"},
        "summary": {
            "fr": (
                "Ville de Basse-Saxe où fut négociée la paix de Westphalie en 1648, Osnabrück est "
                "jumelée avec Angers depuis 1964. C’est l’un des deux plus anciens jumelages de la ville."
            ),
            "en": (
                "Osnabrück, in Lower Saxony, where the Peace of Westphalia was negotiated in 1648, has "
                "been twinned with Angers since 1964. It is one of the city’s two oldest twinnings."
            ),
        },
        "body": {
            "fr": (
                "Officialisé l’année qui a suivi le traité de l’Élysée, le jumelage avec Osnabrück "
                "s’inscrit dans le mouvement de réconciliation franco-allemande : faire se rencontrer "
                "les habitants pour que l’amitié entre les peuples accompagne celle des gouvernements.\n\n"
                "Les échanges de jeunes « ambassadeurs », organisés depuis 1967, transmettent ce lien "
                "d’une génération à l’autre."
            ),
            "en": (
                "Made official the year after the Élysée Treaty, the Osnabrück twinning is part of the "
                "Franco-German reconciliation: bringing people together so that friendship between "
                "nations goes hand in hand with friendship between governments.\n\n"
                "The young “ambassadors” exchange, organised since 1967, hands this bond down from one "
                "generation to the next."
            ),
        },
    },
    {
        "slug": "pisa",
        "country": "IT",
        "agreement_type": AgreementType.TWINNING,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 1982,
        "latitude": Decimal("43.7228"),
        "longitude": Decimal("10.4017"),
        "website": "https://www.comune.pisa.it/",
        "published": True,
        "themes": ["culture", "education", "youth"],
        "name": {"fr": "Pise", "en": "Pisa"},
        "region": {"fr": "Toscane", "en": "Tuscany"},
        "summary": {
            "fr": (
                "Ville universitaire de Toscane, célèbre pour sa tour penchée et sa place des Miracles, "
                "Pise est jumelée avec Angers depuis 1982."
            ),
            "en": (
                "A university city in Tuscany, famous for its leaning tower and the Piazza dei Miracoli, "
                "Pisa has been twinned with Angers since 1982."
            ),
        },
        "body": {
            "fr": (
                "Après Haarlem et Osnabrück, Pise est la troisième ville européenne à avoir rejoint le "
                "cercle des villes jumelles d’Angers. Les deux cités partagent une longue tradition "
                "universitaire et un patrimoine historique remarquable.\n\n"
                "Comme les autres jumelages européens de la ville, cette relation s’appuie sur les "
                "échanges de jeunes « ambassadeurs »."
            ),
            "en": (
                "After Haarlem and Osnabrück, Pisa was the third European city to join Angers’ circle "
                "of twin towns. Both cities share a long university tradition and a remarkable "
                "historic heritage.\n\n"
                "Like the city’s other European twinnings, this relationship relies on the young "
                "“ambassadors” exchange."
            ),
        },
    },
    {
        "slug": "wigan",
        "country": "GB",
        "agreement_type": AgreementType.TWINNING,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 1988,
        "latitude": Decimal("53.5450"),
        "longitude": Decimal("-2.6325"),
        "website": "https://www.wigan.gov.uk/",
        "published": True,
        "themes": ["culture", "sport", "youth"],
        "name": {"fr": "Wigan", "en": "Wigan"},
        "region": {"fr": "Angleterre (Grand Manchester)", "en": "England (Greater Manchester)"},
        "summary": {
            "fr": (
                "Ville du Grand Manchester, dans le nord-ouest de l’Angleterre, Wigan est jumelée avec "
                "Angers depuis 1988."
            ),
            "en": (
                "A town in Greater Manchester, in the north-west of England, Wigan has been twinned "
                "with Angers since 1988."
            ),
        },
        "body": {
            "fr": (
                "Ancienne ville industrielle façonnée par le charbon et le coton, Wigan est aussi connue "
                "outre-Manche pour son club de rugby à XIII. Le jumelage de 1988 a donné à Angers un "
                "partenaire britannique, quatrième maillon de son réseau européen.\n\n"
                "Les échanges de jeunes « ambassadeurs » font partie des moyens qui entretiennent cette "
                "amitié."
            ),
            "en": (
                "A former industrial town shaped by coal and cotton, Wigan is also known across Britain "
                "for its rugby league club. The 1988 twinning gave Angers a British partner, the fourth "
                "link in its European network.\n\n"
                "The young “ambassadors” exchange is one of the ways this friendship is kept going."
            ),
        },
    },
    {
        "slug": "sodertalje",
        "country": "SE",
        "agreement_type": AgreementType.PARTNERSHIP,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 1998,
        "latitude": Decimal("59.1955"),
        "longitude": Decimal("17.6253"),
        "website": "https://www.sodertalje.se/",
        "published": True,
        "themes": ["economy", "education"],
        "name": {"fr": "Södertälje", "en": "Södertälje"},
        "region": {"fr": "Comté de Stockholm", "en": "Stockholm County"},
        "summary": {
            "fr": (
                "Ville du comté de Stockholm et siège du constructeur de camions et d’autocars Scania, "
                "Södertälje est liée à Angers par un partenariat spécifique depuis 1998."
            ),
            "en": (
                "A town in Stockholm County and home of the truck and bus maker Scania, Södertälje has "
                "had a dedicated partnership with Angers since 1998."
            ),
        },
        "body": {
            "fr": (
                "Ce n’est pas un jumelage mais un partenariat ciblé, né d’un lien économique : Scania, "
                "dont le siège est à Södertälje, possède aussi une usine d’assemblage à Angers.\n\n"
                "Deux villes industrielles se retrouvent ainsi autour de l’économie, de la formation et "
                "de l’innovation."
            ),
            "en": (
                "It is not a twinning but a focused partnership with an economic origin: Scania, "
                "headquartered in Södertälje, also runs an assembly plant in Angers.\n\n"
                "Two industrial towns thus meet around the economy, training and innovation."
            ),
        },
    },
    {
        "slug": "torun",
        "country": "PL",
        "agreement_type": AgreementType.TWINNING,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 2011,
        "agreement_signed_on": datetime.date(2016, 5, 9),
        "latitude": Decimal("53.0138"),
        "longitude": Decimal("18.5984"),
        "website": "https://www.torun.pl/",
        "published": True,
        "themes": ["culture", "education", "tourism", "youth"],
        "name": {"fr": "Toruń", "en": "Toruń"},
        "region": {"fr": "Couïavie-Poméranie", "en": "Kuyavian-Pomeranian Voivodeship"},
        "summary": {
            "fr": (
                "Ville natale de Copernic au bord de la Vistule, dont la vieille ville médiévale est "
                "inscrite au patrimoine mondial de l’UNESCO, Toruń est partenaire d’Angers depuis 2011 "
                "et ville jumelle depuis 2016."
            ),
            "en": (
                "Copernicus’s birthplace on the Vistula, whose medieval old town is on UNESCO’s World "
                "Heritage List, Toruń has been a partner of Angers since 2011 and a twin town since 2016."
            ),
        },
        "body": {
            "fr": (
                "La coopération avec Toruń a commencé en 2011 sous la forme d’un partenariat. Cinq ans "
                "plus tard, le 9 mai 2016, les deux villes ont signé un accord de jumelage qui donne un "
                "cadre officiel à leurs échanges.\n\n"
                "La date a été choisie avec soin : le 9 mai est la journée de l’Europe, et la Pologne "
                "est membre de l’Union européenne depuis 2004."
            ),
            "en": (
                "Cooperation with Toruń began in 2011 as a partnership. Five years later, on 9 May 2016, "
                "the two cities signed a twinning agreement that gives their exchanges an official "
                "framework.\n\n"
                "The date was chosen with care: 9 May is Europe Day, and Poland has been a member of the "
                "European Union since 2004."
            ),
        },
        "milestones": [
            {
                "year": 2011,
                "title": {"fr": "Début du partenariat", "en": "The partnership begins"},
                "text": {
                    "fr": "Angers et Toruń engagent une coopération sous la forme d’un partenariat.",
                    "en": "Angers and Toruń start working together as partner cities.",
                },
            },
            {
                "year": 2016,
                "date": datetime.date(2016, 5, 9),
                "title": {
                    "fr": "Signature de l’accord de jumelage, le jour de l’Europe",
                    "en": "Twinning agreement signed on Europe Day",
                },
                "text": {
                    "fr": "L’accord donne un cadre formel à la coopération engagée cinq ans plus tôt.",
                    "en": "The agreement gives a formal framework to the cooperation begun five years earlier.",
                },
            },
        ],
    },
    {
        "slug": "bamako",
        "country": "ML",
        "agreement_type": AgreementType.DECENTRALISED_COOPERATION,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 1974,
        "latitude": Decimal("12.6392"),
        "longitude": Decimal("-8.0029"),
        "published": True,
        "themes": ["health", "education", "social-action", "culture"],
        "name": {"fr": "Bamako", "en": "Bamako"},
        "region": {"fr": "District de Bamako", "en": "Bamako District"},
        "summary": {
            "fr": (
                "Capitale du Mali, sur les rives du fleuve Niger, Bamako est liée à Angers depuis 1974 "
                "par une coopération décentralisée qui mobilise de nombreux acteurs angevins."
            ),
            "en": (
                "The capital of Mali, on the banks of the Niger, Bamako has been linked to Angers since "
                "1974 by a decentralised cooperation that involves many local organisations."
            ),
        },
        "body": {
            "fr": (
                "Engagée en 1974, la coopération avec Bamako est la plus ancienne relation d’Angers hors "
                "d’Europe. Elle repose sur une grande diversité d’acteurs : associations, établissements "
                "scolaires, centre hospitalier universitaire (CHU) et plusieurs collectivités mettent "
                "leurs compétences en commun.\n\n"
                "Sur place, la Maison du Partenariat Angers-Bamako accueille et héberge celles et ceux "
                "qui font vivre ces échanges."
            ),
            "en": (
                "Begun in 1974, the cooperation with Bamako is Angers’ oldest relationship outside "
                "Europe. It relies on a wide range of partners: associations, schools, the university "
                "hospital and several local authorities pool their skills.\n\n"
                "In Bamako itself, the Angers-Bamako Partnership House "
                '(<em lang="fr">Maison du Partenariat</em>) welcomes and accommodates the people who '
                "keep these exchanges going."
            ),
        },
    },
    {
        "slug": "yantai",
        "country": "CN",
        "agreement_type": AgreementType.PARTNERSHIP,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 2006,
        "latitude": Decimal("37.4638"),
        "longitude": Decimal("121.4479"),
        "published": True,
        "themes": ["economy", "education", "tourism"],
        "name": {"fr": "Yantai", "en": "Yantai"},
        "region": {"fr": "Shandong", "en": "Shandong"},
        "summary": {
            "fr": (
                "Grand port de la province du Shandong, sur la côte est de la Chine, Yantai est "
                "partenaire d’Angers depuis 2006."
            ),
            "en": (
                "A major port in Shandong province, on China’s east coast, Yantai has been a partner "
                "of Angers since 2006."
            ),
        },
        "body": {
            "fr": (
                "Ce partenariat fait partie des relations plus récentes qu’Angers a nouées en raison de "
                "leur potentiel de coopération. Ville portuaire et industrielle, Yantai est aussi l’un "
                "des berceaux de la viticulture chinoise, un point commun avec l’Anjou.\n\n"
                "Il ouvre la voie à des échanges économiques, universitaires et touristiques entre les "
                "deux territoires."
            ),
            "en": (
                "This is one of the more recent relationships that Angers chose for their potential for "
                "cooperation. A port and industrial city, Yantai is also one of the cradles of Chinese "
                "winemaking, something it shares with Anjou.\n\n"
                "It opens the way to economic, academic and tourism exchanges between the two areas."
            ),
        },
    },
    {
        "slug": "austin",
        "country": "US",
        "agreement_type": AgreementType.PARTNERSHIP,
        "status": PartnershipStatus.ACTIVE,
        "year_started": 2011,
        "latitude": Decimal("30.2672"),
        "longitude": Decimal("-97.7431"),
        "website": "https://www.austintexas.gov/",
        "published": True,
        "themes": ["economy", "education", "culture"],
        "name": {"fr": "Austin", "en": "Austin"},
        "region": {"fr": "Texas", "en": "Texas"},
        "summary": {
            "fr": "Capitale de l’État du Texas, aux États-Unis, Austin est partenaire d’Angers depuis 2011.",
            "en": "The capital of the state of Texas, in the United States, Austin has been a partner of Angers since 2011.",
        },
        "body": {
            "fr": (
                "Comme celui avec Yantai, ce partenariat a été choisi pour son potentiel de coopération. "
                "Ville universitaire connue pour ses entreprises technologiques et sa scène musicale, "
                "Austin offre des perspectives d’échanges dans l’économie, l’innovation, l’enseignement "
                "supérieur et la culture."
            ),
            "en": (
                "Like the one with Yantai, this partnership was chosen for its potential for "
                "cooperation. A university city known for its technology companies and its music "
                "scene, Austin offers prospects for exchanges in business, innovation, higher education "
                "and culture."
            ),
        },
    },
]

PROGRAMMES = [
    {
        "slug": "jeunes-ambassadeurs",
        "start_year": 1967,
        "display_order": 1,
        "published": True,
        "partner_cities": ["haarlem", "osnabruck", "pisa", "wigan"],
        "name": {"fr": "Échanges de jeunes ambassadeurs", "en": "Young ambassadors exchange"},
        "summary": {
            "fr": (
                "Depuis 1967, Angers fait vivre ses jumelages européens grâce à des échanges de jeunes "
                "« ambassadeurs », un dispositif unique en France."
            ),
            "en": (
                "Since 1967, Angers has kept its European twinnings alive through exchanges of young "
                "“ambassadors”, a scheme that is unique in France."
            ),
        },
        "body": {
            "fr": (
                "Des jeunes d’Angers et de ses villes jumelles se rendent visite et représentent leur "
                "ville auprès de leurs partenaires : ils en sont les ambassadeurs. Le dispositif donne "
                "de l’Europe une image vivante et positive, au plus près des habitants.\n\n"
                "En 2012, le ministère des Affaires étrangères a distingué ce dispositif en décernant "
                "à Angers le label « Ville euro-citoyenne »."
            ),
            "en": (
                "Young people from Angers and its twin towns visit one another and represent their home "
                "town to their partners: they are its ambassadors. The scheme gives a lively and "
                "positive image of Europe, close to everyday life.\n\n"
                "In 2012 the French Ministry of Foreign Affairs recognised the scheme by awarding Angers "
                'the “Euro-citizen City” label (<em lang="fr">Ville euro-citoyenne</em>).'
            ),
        },
    },
    {
        "slug": "maison-du-partenariat-angers-bamako",
        "display_order": 2,
        "published": True,
        "partner_cities": ["bamako"],
        "name": {"fr": "Maison du Partenariat Angers-Bamako", "en": "Angers-Bamako Partnership House"},
        "summary": {
            "fr": (
                "Située à Bamako, la Maison du Partenariat Angers-Bamako est un lieu d’accueil et "
                "d’hébergement unique, au service de la coopération entre les deux villes."
            ),
            "en": (
                "Located in Bamako, the Angers-Bamako Partnership House is a unique place to welcome "
                "and accommodate the people who carry the cooperation between the two cities."
            ),
        },
        "body": {
            "fr": (
                "Associations, établissements scolaires, équipes du CHU, élus et agents des "
                "collectivités : celles et ceux qui s’engagent dans la coopération trouvent à la Maison "
                "du Partenariat un point d’appui dans la capitale malienne.\n\n"
                "Lieu de rencontre autant que d’hébergement, elle facilite les séjours, les projets "
                "communs et les liens durables entre Angevins et Bamakois."
            ),
            "en": (
                "Associations, schools, university hospital staff, elected representatives and local "
                "government officers: everyone involved in the cooperation finds a base in the Malian "
                'capital at the Partnership House (<em lang="fr">Maison du Partenariat</em>).\n\n'
                "A meeting place as much as a place to stay, it makes visits, joint projects and lasting "
                "ties between the people of Angers and Bamako easier."
            ),
        },
    },
]
